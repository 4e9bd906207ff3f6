import { useEffect } from 'react';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PlannedAbsenceKind } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useRegisterAbsence } from './hooks.ts';
import { instantOf } from './shanghaiInput.ts';

type Values = { personId?: string; kind: PlannedAbsenceKind; startsAt: Dayjs; endsAt: Dayjs; place?: string; note?: string };
const KINDS: PlannedAbsenceKind[] = ['leave', 'trip', 'training'];
const rename = (path: string) => path.replace(/^body\./, '');

export type AbsenceCandidate = { personId: string; name: string };

type Props = {
  open: boolean;
  onClose: () => void;
  /** whom the actor may register for; one alone (oneself) needs no choice */
  candidates: AbsenceCandidate[];
  /** the signed-in person, chosen first */
  myPersonId: string | null;
};

/**
 * 登记请假/出差/培训 ahead: the whereabouts switch at its start and back at its end. Whether it ends
 * after it starts, and after now, is the server's to say (its sentence shows beside the end).
 */
export function AbsenceDrawer({ open, onClose, candidates, myPersonId }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const register = useRegisterAbsence();
  const errors = useFormErrors(form, { rename, showOther: true });
  const choose = candidates.length > 1 || (candidates.length === 1 && candidates[0]!.personId !== myPersonId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const mine = candidates.find((c) => c.personId === myPersonId) ?? candidates[0];
    form.setFieldsValue({ kind: 'leave', personId: mine?.personId });
    errors.clear();
    // opening the drawer starts a new registration; later changes of the list do not reset it
  }, [open, form, errors.clear]);

  const submit = (v: Values) => {
    errors.clear();
    register.mutate(
      {
        ...(choose && v.personId ? { personId: v.personId } : {}),
        kind: v.kind,
        startsAt: instantOf(v.startsAt),
        endsAt: instantOf(v.endsAt),
        place: v.place?.trim() || null,
        note: v.note?.trim() || null,
      },
      {
        onSuccess: () => {
          toastSuccess(t('whereabouts.absences.saved'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  const picker = (testId: string) => (
    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid={testId} />
  );

  return (
    <FormDrawer
      open={open}
      title={t('whereabouts.absences.newTitle')}
      size={520}
      form={form}
      onClose={onClose}
      saving={register.isPending}
      errors={errors.errors}
      saveTestId="absence-save"
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        {choose && (
          <Form.Item name="personId" label={t('whereabouts.absences.person')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={candidates.map((c) => ({ value: c.personId, label: c.name }))}
              data-testid="absence-person"
            />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('whereabouts.absences.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            data-testid="absence-kind"
            options={KINDS.map((k) => ({ value: k, label: t(`whereabouts.absences.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="startsAt" label={t('whereabouts.absences.startsAt')} rules={[{ required: true }]}>
          {picker('absence-start')}
        </Form.Item>
        <Form.Item name="endsAt" label={t('whereabouts.absences.endsAt')} rules={[{ required: true }]}>
          {picker('absence-end')}
        </Form.Item>
        <Form.Item name="place" label={t('whereabouts.absences.place')} rules={[textLimit(t, 100)]}>
          <Input data-testid="absence-place" placeholder={t('whereabouts.form.placePlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('whereabouts.absences.note')} rules={[textLimit(t, 500)]}>
          <Input.TextArea rows={3} data-testid="absence-note" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
