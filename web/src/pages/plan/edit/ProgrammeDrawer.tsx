import { useMemo } from 'react';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@qinlian/contracts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { textLimit } from '../../../components/limitRules.ts';
import { PersonPicker } from '../../../components/PersonPicker.tsx';
import { EntryFields } from './EntryFields.tsx';
import { useCreateProgramme, useUpdateProgramme } from './hooks.ts';
import { useEntryForm } from './useEntryForm.ts';

type Values = { code: string; name: string; weight: number; sort: number; leaderPersonId?: string | null };
type Props = { open: boolean; planId: string; programme: Programme | null; nextSort: number; onClose: () => void };

/** 工程: code (fixed once made), name, weight in the plan's roll-up, order, the leader in charge (一名领导牵头). */
export function ProgrammeDrawer({ open, planId, programme, nextSort, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const initial = useMemo<Partial<Values>>(
    () =>
      programme
        ? {
            code: programme.code,
            name: programme.name,
            weight: programme.weight,
            sort: programme.sort,
            leaderPersonId: programme.leaderPersonId,
          }
        : { weight: 1, sort: nextSort, leaderPersonId: null },
    [programme, nextSort],
  );
  const { form, serverErrors, done } = useEntryForm<Values>(open, initial, onClose);

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
        <EntryFields kind="programme" editing={!!programme} weightHint={t('planEditor.weightHint')}>
          <Form.Item name="name" label={t('planEditor.programmeName')} rules={[{ required: true, whitespace: true }, textLimit(t, 100)]}>
            <Input count={{ show: true, max: 100 }} data-testid="programme-name" />
          </Form.Item>
        </EntryFields>
        <Form.Item name="leaderPersonId" label={t('planEditor.leader')}>
          <PersonPicker valueLabel={programme?.leaderName ?? null} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
