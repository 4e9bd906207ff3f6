import { useEffect } from 'react';
import { Alert, Checkbox, DatePicker, Form, Modal, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useRecompute } from './hooks.ts';

type Values = { period?: [Dayjs | null, Dayjs | null] | null; includeDemands?: boolean };

const rename = (path: string) => path.replace(/^body\./, '').replace(/^(from|to)$/, 'period');

/** 重新计算: optionally only what came in within a period, optionally with the period's demands too. */
export function RecomputeDialog({ solicitationId, open, onClose }: { solicitationId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const recompute = useRecompute(solicitationId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
  }, [open, form, errors.clear]);

  const submit = (v: Values) => {
    errors.clear();
    recompute.mutate(
      {
        from: v.period?.[0]?.format('YYYY-MM-DD'),
        to: v.period?.[1]?.format('YYYY-MM-DD'),
        includeDemands: !!v.includeDemands,
      },
      {
        onSuccess: () => {
          toastSuccess(t('demandAnalysis.done.recompute'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('demandAnalysis.recompute.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('demandAnalysis.recompute.ok')}
      okButtonProps={{ loading: recompute.isPending, 'data-testid': 'recompute-ok' } as ButtonProps}
      destroyOnHidden
      width={520}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('demandAnalysis.recompute.hint')} />
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="period" label={t('demandAnalysis.recompute.period')}>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('demandAnalysis.recompute.from'), t('demandAnalysis.recompute.to')]}
            style={{ width: '100%' }}
            data-testid="recompute-period"
          />
        </Form.Item>
        <Form.Item name="includeDemands" valuePropName="checked">
          <Checkbox data-testid="recompute-include-demands">{t('demandAnalysis.recompute.includeDemands')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
