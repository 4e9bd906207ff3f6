import { useEffect } from 'react';
import { App, DatePicker, Divider, Form, Input, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Plan, WarningThresholds } from '@qinlian/contracts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { integerRange, textLimit } from '../../../components/limitRules.ts';
import { useFormErrors } from '../../../components/useFormErrors.ts';
import { useCreatePlan, useUpdatePlan } from './hooks.ts';

type Values = { name: string; year: number; dates: [Dayjs, Dayjs]; thresholds: WarningThresholds };
type Props = { open: boolean; plan: Plan | null; onClose: () => void; onCreated: (plan: Plan) => void };

/** The thresholds, their bounds (contracts WarningThresholds) and defaults. */
const THRESHOLDS: { key: keyof WarningThresholds; min: number; max: number; byDefault: number }[] = [
  { key: 'blueWithinWorkingDays', min: 0, max: 60, byDefault: 5 },
  { key: 'yellowWithinWorkingDays', min: 0, max: 30, byDefault: 2 },
  { key: 'yellowBehindPoints', min: 1, max: 100, byDefault: 10 },
  { key: 'escalateAfterWorkingDays', min: 1, max: 30, byDefault: 3 },
];

/** A new plan, or a plan's name and its warning thresholds (预警阈值: changing them recolours every task at once). */
export function PlanDrawer({ open, plan, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const serverErrors = useFormErrors(form, {
    rename: (p) => (p === 'body.startDate' || p === 'body.endDate' ? 'dates' : p),
    showOther: true,
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    serverErrors.clear();
    const year = dayjs().year();
    form.setFieldsValue(
      plan
        ? { name: plan.name, year: plan.year, dates: [dayjs(plan.startDate), dayjs(plan.endDate)], thresholds: plan.thresholds }
        : {
            year,
            dates: [dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)],
            thresholds: Object.fromEntries(THRESHOLDS.map((th) => [th.key, th.byDefault])) as WarningThresholds,
          },
    );
  }, [open, plan, form, serverErrors.clear]);

  const submit = (v: Values) => {
    serverErrors.clear();
    const saved = () => void message.success(t('common.saved'));
    if (plan) {
      update.mutate(
        { id: plan.id, name: v.name.trim(), thresholds: v.thresholds, version: plan.version },
        {
          onSuccess: () => {
            saved();
            onClose();
          },
          onError: serverErrors.show,
        },
      );
    } else {
      create.mutate(
        {
          name: v.name.trim(),
          year: v.year,
          startDate: v.dates[0].format('YYYY-MM-DD'),
          endDate: v.dates[1].format('YYYY-MM-DD'),
          thresholds: v.thresholds,
        },
        {
          onSuccess: (p) => {
            saved();
            onCreated(p);
          },
          onError: serverErrors.show,
        },
      );
    }
  };

  return (
    <FormDrawer
      open={open}
      title={plan ? t('planEditor.editPlan') : t('planEditor.createPlan')}
      size={520}
      form={form}
      onClose={onClose}
      saving={create.isPending || update.isPending}
      errors={serverErrors.errors}
      saveTestId="plan-save"
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="name" label={t('planEditor.planName')} rules={[{ required: true, whitespace: true }, textLimit(t, 200)]}>
          <Input count={{ show: true, max: 200 }} data-testid="plan-name" />
        </Form.Item>
        <Form.Item name="year" label={t('planEditor.year')} rules={[{ required: true }, integerRange(t, 2000, 2100)]}>
          <InputNumber disabled={!!plan} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="dates" label={t('planEditor.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker disabled={!!plan} />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('planEditor.thresholds')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('planEditor.thresholdsHint')}</Typography.Paragraph>
        {THRESHOLDS.map((th) => (
          <Form.Item
            key={th.key}
            name={['thresholds', th.key]}
            label={t(`planEditor.threshold.${th.key}`)}
            extra={t('planEditor.rangeHint', { min: th.min, max: th.max, byDefault: th.byDefault })}
            rules={[{ required: true }, integerRange(t, th.min, th.max)]}
          >
            <InputNumber precision={0} style={{ width: 140 }} data-testid={`plan-threshold-${th.key}`} />
          </Form.Item>
        ))}
      </Form>
    </FormDrawer>
  );
}
