import { useEffect } from 'react';
import { App, Form, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_LIMIT_WORKING_DAYS, type TimeLimitRule } from '@qinlian/contracts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useUpdateTimeLimit } from './hooks.ts';

type Values = { workingDays: number };

/** 调整办结时限: a whole number of working days, 1–250; the server's refusal shows on the field. */
export function RuleEditModal({ rule, onClose }: { rule: TimeLimitRule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useUpdateTimeLimit();
  const serverErrors = useFormErrors(form, { showOther: true });

  useEffect(() => {
    if (!rule) return;
    serverErrors.clear();
    form.setFieldsValue({ workingDays: rule.workingDays });
  }, [rule, form, serverErrors.clear]);

  const submit = (v: Values) => {
    if (!rule) return;
    serverErrors.clear();
    save.mutate(
      { kind: rule.kind, workingDays: v.workingDays },
      {
        onSuccess: () => {
          void message.success(t('timeLimits.rules.saved'));
          onClose();
        },
        onError: serverErrors.show,
      },
    );
  };

  return (
    <Modal
      open={!!rule}
      title={rule ? t('timeLimits.rules.editTitle', { kind: t(`timeLimits.kinds.${rule.kind}`) }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'time-limit-save' }}
      forceRender
    >
      <FieldErrorsAlert errors={serverErrors.errors} />
      <Typography.Paragraph type="secondary">{t('timeLimits.rules.editHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="workingDays"
          label={t('timeLimits.rules.daysLabel')}
          rules={[{ required: true, type: 'integer', min: 1, max: MAX_LIMIT_WORKING_DAYS, message: t('timeLimits.rules.daysRequired') }]}
        >
          <InputNumber min={1} max={MAX_LIMIT_WORKING_DAYS} precision={0} style={{ width: 160 }} data-testid="time-limit-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
