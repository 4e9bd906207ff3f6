import type { ReactNode } from 'react';
import { Button, Flex, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../api/client.ts';
import { FieldErrorsAlert } from '../../../components/FieldErrorsAlert.tsx';

export type StepButton = { label: string; testId: string; onClick: () => void; primary?: boolean; danger?: boolean };
type Props = {
  open: boolean;
  title: string;
  /** the buttons beside 取消, last one rightmost; their text is their accessible name */
  buttons: StepButton[];
  pending: boolean;
  errors: FieldError[];
  onCancel: () => void;
  testId: string;
  children: ReactNode;
};

/** The dialog of one of the department's own steps (分办, 延期, 协办报送): the form, what the server refused, the buttons. */
export function StepModal({ open, title, buttons, pending, errors, onCancel, testId, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      width={560}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          {buttons.map((b) => (
            <Button
              key={b.testId}
              type={b.primary ? 'primary' : 'default'}
              danger={b.danger}
              loading={pending}
              onClick={b.onClick}
              autoInsertSpace={false}
              data-testid={b.testId}
            >
              {b.label}
            </Button>
          ))}
        </Flex>
      }
    >
      <div data-testid={testId}>
        <FieldErrorsAlert errors={errors} />
        {children}
      </div>
    </Modal>
  );
}
