import { useEffect } from 'react';
import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandClusterDetail } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useWithdrawProject } from './hooks.ts';

const REASON_MAX = 500;
const rename = (path: string) => path.replace(/^body\./, '');

/** 撤销项目: never silently — the reason is kept, audited and shown on the public page. */
export function WithdrawDialog({ cluster, open, onClose }: { cluster: DemandClusterDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const withdraw = useWithdrawProject();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
  }, [open, form, errors.clear]);

  const submit = ({ reason }: { reason: string }) => {
    errors.clear();
    withdraw.mutate(
      { id: cluster.id, version: cluster.version, reason: reason.trim() },
      {
        onSuccess: () => {
          toastSuccess(t('demandAnalysis.done.withdraw'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('demandAnalysis.withdraw.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('demandAnalysis.withdraw.ok')}
      okButtonProps={{ loading: withdraw.isPending, danger: true, 'data-testid': 'withdraw-project-ok' } as ButtonProps}
      destroyOnHidden
      mask={{ closable: false }}
      width={520}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('demandAnalysis.withdraw.hint')} />
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('demandAnalysis.withdraw.reason')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('demandAnalysis.withdraw.reasonRequired') },
            textLimit(t, REASON_MAX),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            count={{ show: true, max: REASON_MAX }}
            data-testid="withdraw-project-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
