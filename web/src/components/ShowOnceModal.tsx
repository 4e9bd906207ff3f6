import type { ReactNode } from 'react';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  open: boolean;
  title: ReactNode;
  label: ReactNode;
  secret: string | null;
  hint?: ReactNode;
  onClose: () => void;
  testId?: string;
};

/** A secret (initial password, API token) shown once, with a copy button. */
export function ShowOnceModal({ open, title, label, secret, hint, onClose, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.iHaveSaved')}
        </Button>
      }
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title={t('common.showOnceTitle')}
        description={hint ?? t('common.showOnceHint')}
        style={{ marginBottom: 16 }}
      />
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Paragraph
        copyable={{ text: secret ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
        code
        style={{ fontSize: 16, marginTop: 4, wordBreak: 'break-all' }}
        data-testid={testId}
      >
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
