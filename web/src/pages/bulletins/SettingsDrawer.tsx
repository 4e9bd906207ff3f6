import { useEffect } from 'react';
import { Form, Input, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinIndicator } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { IndicatorFields } from './IndicatorFields.tsx';
import { useBulletinSettings, useSaveSettings } from './hooks.ts';

type Values = { documentPrefix: string; organ: string; organMark?: string; recipients?: string; indicators: BulletinIndicator[] };

/** 通报设置 of a plan: the indicators and weights new drafts use, the 机关代字 of the numbers, the letterhead and recipients. */
export function SettingsDrawer({ planId, open, onClose }: { planId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { showOther: true, rename: (p) => p.replace(/^body\./, '') });
  const settings = useBulletinSettings(planId, open);
  const save = useSaveSettings(planId);
  const s = settings.data;

  useEffect(() => {
    if (!open || !s) return;
    form.setFieldsValue({ ...s, recipients: s.recipients.join('\n') });
    errors.clear();
  }, [open, s, form, errors.clear]);

  const submit = (v: Values) => {
    errors.clear();
    const recipients = (v.recipients ?? '')
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
    save.mutate(
      {
        version: s!.version,
        documentPrefix: v.documentPrefix.trim(),
        organ: v.organ.trim(),
        organMark: v.organMark?.trim() ?? '',
        recipients,
        indicators: v.indicators.map((i) => ({ ...i, weight: Number(i.weight) || 0 })),
      },
      {
        onSuccess: () => {
          toastSuccess(t('bulletins.settings.saved'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };
  return (
    <FormDrawer
      open={open}
      title={t('bulletins.settings.title')}
      size={560}
      form={form}
      onClose={onClose}
      saving={save.isPending}
      readOnly={!s?.canManage}
      errors={errors.errors}
      saveTestId="bulletin-settings-save"
    >
      {!s && <Spin />}
      <Typography.Paragraph type="secondary">{t('bulletins.settings.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="documentPrefix"
          label={t('bulletins.settings.documentPrefix')}
          extra={t('bulletins.settings.documentPrefixHint')}
          rules={[{ required: true, pattern: /^[\p{Script=Han}A-Za-z]{1,20}$/u, message: t('bulletins.settings.required.prefix') }]}
        >
          <Input maxLength={20} data-testid="bulletin-settings-prefix" />
        </Form.Item>
        <Form.Item
          name="organ"
          label={t('bulletins.settings.organ')}
          rules={[{ required: true, whitespace: true, message: t('bulletins.settings.required.organ') }, textLimit(t, 100)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="organMark"
          label={t('bulletins.settings.organMark')}
          extra={t('bulletins.settings.organMarkHint')}
          rules={[textLimit(t, 100)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="recipients" label={t('bulletins.settings.recipients')} extra={t('bulletins.settings.recipientsHint')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Typography.Title level={5}>{t('bulletins.weights.title')}</Typography.Title>
        <IndicatorFields unavailable={s?.unavailable ?? []} />
      </Form>
    </FormDrawer>
  );
}
