import { useMemo } from 'react';
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Measure } from '@qinlian/contracts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { textLimit } from '../../../components/limitRules.ts';
import { EntryFields } from './EntryFields.tsx';
import { useCreateMeasure, useUpdateMeasure } from './hooks.ts';
import { useEntryForm } from './useEntryForm.ts';

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
  const create = useCreateMeasure();
  const update = useUpdateMeasure();
  const initial = useMemo<Partial<Values>>(
    () =>
      measure ? { code: measure.code, name: measure.name, weight: measure.weight, sort: measure.sort } : { weight: 1, sort: nextSort },
    [measure, nextSort],
  );
  const { form, serverErrors, done } = useEntryForm<Values>(open, initial, onClose);

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
        <EntryFields kind="measure" editing={!!measure} weightHint={t('planEditor.measureWeightHint')}>
          <Form.Item name="name" label={t('planEditor.measureName')} rules={[{ required: true, whitespace: true }, textLimit(t, 200)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} count={{ show: true, max: 200 }} data-testid="measure-name" />
          </Form.Item>
        </EntryFields>
      </Form>
    </FormDrawer>
  );
}
