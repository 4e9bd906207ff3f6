import { useEffect } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Radio, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DispatchSheet } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useRecordMeeting } from './hooks.ts';

type Attendee = { personId?: string | null; present: boolean; absenceReason?: string };
type Values = { date: Dayjs; time: Dayjs; place: string; chairPersonId?: string | null; minutes?: string; attendees: Attendee[] };

/** What the form starts with: the record as it stands, or today with the sheet's leaders in charge attending. */
function initial(sheet: DispatchSheet): Partial<Values> {
  const m = sheet.meeting;
  if (m)
    return {
      date: dayjs(m.date),
      time: dayjs(`${m.date}T${m.time}`),
      place: m.place,
      chairPersonId: m.chairPersonId,
      minutes: m.minutes,
      attendees: m.attendees.map((a) => ({ personId: a.personId, present: a.present, absenceReason: a.absenceReason ?? undefined })),
    };
  const leaders = sheet.groups.flatMap((g) => (g.leaderPersonId ? [g.leaderPersonId] : []));
  return { date: dayjs(), time: dayjs().startOf('hour'), attendees: leaders.map((personId) => ({ personId, present: true })) };
}

/** 记录调度会议: date and time (not in the future), place, chair, attendance with reasons for absence, minutes. */
export function MeetingDrawer({ sheet, open, onClose }: { sheet: DispatchSheet; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { showOther: true });
  const record = useRecordMeeting();
  const names = new Map(sheet.meeting?.attendees.map((a) => [a.personId, a.name]) ?? []);
  for (const g of sheet.groups) if (g.leaderPersonId && g.leaderName) names.set(g.leaderPersonId, g.leaderName);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initial(sheet));
    errors.clear();
  }, [open, form, errors.clear, sheet]);

  const submit = (v: Values) => {
    errors.clear();
    record.mutate(
      {
        id: sheet.id,
        version: sheet.version,
        date: v.date.format('YYYY-MM-DD'),
        time: v.time.format('HH:mm'),
        place: v.place.trim(),
        chairPersonId: v.chairPersonId!,
        minutes: v.minutes?.trim() ?? '',
        attendees: v.attendees.map((a) => ({
          personId: a.personId!,
          present: a.present,
          absenceReason: a.present ? null : (a.absenceReason?.trim() ?? null),
        })),
      },
      {
        onSuccess: () => {
          toastSuccess(t('dispatch.meeting.recorded'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };
  const required = (key: 'date' | 'time' | 'place' | 'chair') => ({ required: true, message: t(`dispatch.meeting.required.${key}`) });
  return (
    <FormDrawer
      open={open}
      title={sheet.meeting ? t('dispatch.meeting.edit') : t('dispatch.meeting.record')}
      size={640}
      form={form}
      onClose={onClose}
      saving={record.isPending}
      errors={errors.errors}
      saveTestId="dispatch-meeting-save"
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Flex gap={12} wrap>
          <Form.Item name="date" label={t('dispatch.meeting.date')} rules={[required('date')]} style={{ flex: '1 1 160px' }}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="dispatch-meeting-date" />
          </Form.Item>
          <Form.Item name="time" label={t('dispatch.meeting.time')} rules={[required('time')]} style={{ flex: '1 1 120px' }}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} data-testid="dispatch-meeting-time" />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('dispatch.meeting.place')} rules={[{ ...required('place'), whitespace: true }, textLimit(t, 100)]}>
          <Input data-testid="dispatch-meeting-place" />
        </Form.Item>
        <Form.Item name="chairPersonId" label={t('dispatch.meeting.chair')} rules={[required('chair')]}>
          <PersonPicker valueLabel={sheet.meeting?.chairName} data-testid="dispatch-meeting-chair" />
        </Form.Item>
        <Form.List
          name="attendees"
          rules={[
            {
              validator: async (_, v: Attendee[]) =>
                v?.length ? undefined : Promise.reject(new Error(t('dispatch.meeting.required.attendees'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors: listErrors }) => (
            <Form.Item label={t('dispatch.meeting.attendees')} required>
              {fields.map((field) => (
                <AttendeeRow key={field.key} name={field.name} names={names} onRemove={() => remove(field.name)} />
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ present: true })}
                block
                data-testid="dispatch-attendee-add"
              >
                {t('dispatch.meeting.addAttendee')}
              </Button>
              <Form.ErrorList errors={listErrors} />
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="minutes" label={t('dispatch.meeting.minutes')} rules={[textLimit(t, 5000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="dispatch-meeting-minutes" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** One person at the meeting: present, or absent with the reason. */
function AttendeeRow({ name, names, onRemove }: { name: number; names: Map<string, string>; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const present = Form.useWatch(['attendees', name, 'present'], form) ?? true;
  const personId = Form.useWatch(['attendees', name, 'personId'], form);
  return (
    <Flex gap={8} wrap align="flex-start" style={{ marginBottom: 4 }} data-testid="dispatch-attendee-row">
      <Form.Item
        name={[name, 'personId']}
        rules={[{ required: true, message: t('dispatch.meeting.required.person') }]}
        style={{ flex: '1 1 150px', marginBottom: 8 }}
      >
        <PersonPicker valueLabel={personId ? names.get(personId) : undefined} placeholder={t('dispatch.meeting.person')} />
      </Form.Item>
      <Form.Item name={[name, 'present']} style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('dispatch.meeting.present') },
            { value: false, label: t('dispatch.meeting.absent') },
          ]}
        />
      </Form.Item>
      {!present && (
        <Form.Item
          name={[name, 'absenceReason']}
          rules={[{ required: true, whitespace: true, message: t('dispatch.meeting.required.reason') }, textLimit(t, 200)]}
          style={{ flex: '1 1 140px', marginBottom: 8 }}
        >
          <Input placeholder={t('dispatch.meeting.absenceReason')} data-testid="dispatch-absence-reason" />
        </Form.Item>
      )}
      <Button type="text" icon={<MinusCircleOutlined />} onClick={onRemove} aria-label={t('common.delete')} />
    </Flex>
  );
}
