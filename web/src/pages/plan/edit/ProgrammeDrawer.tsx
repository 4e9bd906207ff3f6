import { useEffect } from 'react';
import { App, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@qinlian/contracts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { integerRange, textLimit } from '../../../components/limitRules.ts';
import { PersonPicker } from '../../../components/PersonPicker.tsx';
import { useFormErrors } from '../../../components/useFormErrors.ts';
import { useCreateProgramme, useUpdateProgramme } from './hooks.ts';

type Values = { code: string; name: string; weight: number; sort: number; leaderPersonId?: string | null };
type Props = { open: boolean; planId: string; programme: Programme | null; nextSort: number; onClose: () => void };

/** 工程: code (fixed once made), name, weight in the plan's roll-up, order, the leader in charge (一名领导牵头). */
export function ProgrammeDrawer({ open, planId, programme, nextSort, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const serverErrors = useFormErrors(form, { showOther: true });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    serverErrors.clear();
    form.setFieldsValue(
      programme
        ? {
            code: programme.code,
            name: programme.name,
            weight: programme.weight,
            sort: programme.sort,
            leaderPersonId: programme.leaderPersonId,
          }
        : { weight: 1, sort: nextSort, leaderPersonId: null },
    );
  }, [open, programme, nextSort, form, serverErrors.clear]);

  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };
  const submit = (v: Values) => {
    serverErrors.clear();
    const body = { name: v.name.trim(), weight: v.weight, sort: v.sort, leaderPersonId: v.leaderPersonId ?? null };
    if (programme)
      update.mutate({ id: programme.id, ...body, version: programme.version }, { onSuccess: done, onError: serverErrors.show });
    else create.mutate({ planId, code: v.code.trim(), ...body }, { onSuccess: done, onError: serverErrors.show });
  };

  return (
    <FormDrawer
      open={open}
      title={programme ? t('planEditor.editProgramme') : t('planEditor.createProgramme')}
      size={480}
      form={form}
      onClose={onClose}
      saving={create.isPending || update.isPending}
      errors={serverErrors.errors}
      saveTestId="programme-save"
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="code" label={t('planEditor.code')} rules={[{ required: true, whitespace: true }, textLimit(t, 20)]}>
          <Input disabled={!!programme} count={{ show: true, max: 20 }} data-testid="programme-code" />
        </Form.Item>
        <Form.Item name="name" label={t('planEditor.programmeName')} rules={[{ required: true, whitespace: true }, textLimit(t, 100)]}>
          <Input count={{ show: true, max: 100 }} data-testid="programme-name" />
        </Form.Item>
        <Form.Item
          name="weight"
          label={t('planEditor.weight')}
          extra={t('planEditor.weightHint')}
          rules={[{ required: true }, integerRange(t, 1, 1000)]}
        >
          <InputNumber precision={0} style={{ width: 140 }} data-testid="programme-weight" />
        </Form.Item>
        <Form.Item name="sort" label={t('planEditor.sort')} rules={[{ required: true }, integerRange(t, 0, 1000)]}>
          <InputNumber precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="leaderPersonId" label={t('planEditor.leader')}>
          <PersonPicker valueLabel={programme?.leaderName ?? null} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
