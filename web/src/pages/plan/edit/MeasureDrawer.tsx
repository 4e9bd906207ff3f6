import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Measure } from '@qinlian/contracts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { integerRange, textLimit } from '../../../components/limitRules.ts';
import { useFormErrors } from '../../../components/useFormErrors.ts';
import { useCreateMeasure, useUpdateMeasure } from './hooks.ts';

type Values = { code: string; name: string; weight: number; sort: number };
type Props = {
  open: boolean;
  programme: { id: string; name: string } | null;
  measure: Measure | null;
  nextSort: number;
  onClose: () => void;
};

/** 举措 of a programme: code (fixed once made), name, weight within its programme, order. */
export function MeasureDrawer({ open, programme, measure, nextSort, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeasure();
  const update = useUpdateMeasure();
  const serverErrors = useFormErrors(form, { showOther: true });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    serverErrors.clear();
    form.setFieldsValue(
      measure ? { code: measure.code, name: measure.name, weight: measure.weight, sort: measure.sort } : { weight: 1, sort: nextSort },
    );
  }, [open, measure, nextSort, form, serverErrors.clear]);

  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };
  const submit = (v: Values) => {
    serverErrors.clear();
    const body = { name: v.name.trim(), weight: v.weight, sort: v.sort };
    if (measure) update.mutate({ id: measure.id, ...body, version: measure.version }, { onSuccess: done, onError: serverErrors.show });
    else if (programme)
      create.mutate({ programmeId: programme.id, code: v.code.trim(), ...body }, { onSuccess: done, onError: serverErrors.show });
  };

  return (
    <FormDrawer
      open={open}
      title={measure ? t('planEditor.editMeasure') : t('planEditor.createMeasure')}
      size={480}
      form={form}
      onClose={onClose}
      saving={create.isPending || update.isPending}
      errors={serverErrors.errors}
      saveTestId="measure-save"
    >
      {programme && <Typography.Paragraph type="secondary">{t('planEditor.inProgramme', { name: programme.name })}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="code" label={t('planEditor.code')} rules={[{ required: true, whitespace: true }, textLimit(t, 20)]}>
          <Input disabled={!!measure} count={{ show: true, max: 20 }} data-testid="measure-code" />
        </Form.Item>
        <Form.Item name="name" label={t('planEditor.measureName')} rules={[{ required: true, whitespace: true }, textLimit(t, 200)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} count={{ show: true, max: 200 }} data-testid="measure-name" />
        </Form.Item>
        <Form.Item
          name="weight"
          label={t('planEditor.weight')}
          extra={t('planEditor.measureWeightHint')}
          rules={[{ required: true }, integerRange(t, 1, 1000)]}
        >
          <InputNumber precision={0} style={{ width: 140 }} data-testid="measure-weight" />
        </Form.Item>
        <Form.Item name="sort" label={t('planEditor.sort')} rules={[{ required: true }, integerRange(t, 0, 1000)]}>
          <InputNumber precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
