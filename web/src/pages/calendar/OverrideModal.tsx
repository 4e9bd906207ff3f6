import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarOverride } from '@qinlian/contracts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useSetOverride } from './hooks.ts';

type Values = { date: Dayjs; working: boolean; note?: string };
type Props = {
  /** the day to adjust (a cell clicked), or null for a blank form; `existing` when it already has an override */
  open: boolean;
  date: string | null;
  existing: CalendarOverride | null;
  onClose: () => void;
};

/** 新增或修改本地调整: a day off (放假) or an extra working day (补班), with a note people will see. */
export function OverrideModal({ open, date, existing, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSetOverride();
  const serverErrors = useFormErrors(form, { showOther: true });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    serverErrors.clear();
    form.setFieldsValue({
      date: date ? dayjs(date) : undefined,
      working: existing?.working ?? false,
      note: existing?.note ?? '',
    });
  }, [open, date, existing, form, serverErrors.clear]);

  const submit = (v: Values) => {
    serverErrors.clear();
    save.mutate(
      { date: v.date.format('YYYY-MM-DD'), working: v.working, note: (v.note ?? '').trim() },
      { onSuccess: onClose, onError: serverErrors.show },
    );
  };

  return (
    <Modal
      open={open}
      title={existing ? t('workCalendar.editTitle') : t('workCalendar.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'override-save' }}
      forceRender
    >
      <FieldErrorsAlert errors={serverErrors.errors} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" style={{ marginTop: 12 }}>
        <Form.Item name="date" label={t('workCalendar.date')} rules={[{ required: true }]}>
          <DatePicker disabled={!!existing} style={{ width: 200 }} data-testid="override-date" />
        </Form.Item>
        <Form.Item name="working" label={t('workCalendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: false, label: t('workCalendar.dayOff') },
              { value: true, label: t('workCalendar.workday') },
            ]}
            data-testid="override-kind"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('workCalendar.note')}
          extra={t('workCalendar.noteHint')}
          rules={[{ max: 200, message: t('planning.tooLong', { max: 200 }) }]}
        >
          <Input count={{ show: true, max: 200 }} data-testid="override-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
