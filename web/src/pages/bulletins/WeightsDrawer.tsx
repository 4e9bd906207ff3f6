import { useEffect } from 'react';
import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { IndicatorFields, type IndicatorValues } from './IndicatorFields.tsx';
import { useBulletinSettings, useEditBulletin } from './hooks.ts';

/** 调整权重 of a draft: the stored figures are ranked again under the new weights — nothing is recomputed. */
export function WeightsDrawer({ bulletin, open, onClose }: { bulletin: Bulletin; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IndicatorValues>();
  const errors = useFormErrors(form, { showOther: true, rename: (p) => p.replace(/^body\./, '') });
  const edit = useEditBulletin();
  // which indicators have no source yet (群众评价): the server's answer, with the plan's settings
  const settings = useBulletinSettings(bulletin.planId, open);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ indicators: bulletin.indicators });
    errors.clear();
  }, [open, form, errors.clear, bulletin.indicators]);

  const submit = (v: IndicatorValues) => {
    errors.clear();
    const { id, version, title, summary, requirements } = bulletin;
    edit.mutate(
      { id, version, title, summary, requirements, indicators: v.indicators.map((i) => ({ ...i, weight: Number(i.weight) || 0 })) },
      {
        onSuccess: () => {
          toastSuccess(t('bulletins.weights.saved'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };
  return (
    <FormDrawer
      open={open}
      title={t('bulletins.weights.title')}
      size={520}
      form={form}
      onClose={onClose}
      saving={edit.isPending}
      errors={errors.errors}
      saveTestId="bulletin-weights-save"
    >
      <Typography.Paragraph type="secondary">{t('bulletins.weights.draftOnly')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <IndicatorFields unavailable={settings.data?.unavailable ?? []} />
      </Form>
    </FormDrawer>
  );
}
