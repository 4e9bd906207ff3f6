import type { ReactNode } from 'react';
import { Button, Drawer, Flex, Grid, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../api/client.ts';
import { FieldErrorsAlert } from './FieldErrorsAlert.tsx';

type Props = {
  open: boolean;
  title: ReactNode;
  /** width in px */
  size: number;
  /** the drawer's form: 保存 submits it, so antd validates before the form's onFinish runs */
  form: FormInstance;
  onClose: () => void;
  /** the save is under way: the button spins */
  saving: boolean;
  /** a record the user may only read: nothing to save */
  readOnly?: boolean;
  /** the server's errors that match no input (useFormErrors) */
  errors: FieldError[];
  saveTestId: string;
  /** the form itself, and whatever the drawer shows around it */
  children: ReactNode;
};

/** The create / edit drawer: title, the server's unplaced errors above the form, 取消 and 保存 at the foot. */
export function FormDrawer({ open, title, size, form, onClose, saving, readOnly = false, errors, saveTestId, children }: Props) {
  const { t } = useTranslation();
  // a phone gets the whole width: a 520 px drawer on a 390 px screen cuts the form off
  const phone = Grid.useBreakpoint().md === false;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={phone ? '100%' : size}
      title={title}
      // the form instance is connected while closed too, so the opening effect can fill it in
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={saving} disabled={readOnly} data-testid={saveTestId}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <FieldErrorsAlert errors={errors} />
      {children}
    </Drawer>
  );
}
