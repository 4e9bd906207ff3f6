import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DispatchSheet } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { MeasurePicker } from './MeasurePicker.tsx';
import { useAddDecision } from './hooks.ts';

type Values = {
  text: string;
  itemId?: string | null;
  ownerDepartmentId?: string;
  ownerPersonId?: string | null;
  dueDate?: Dayjs;
  measureId?: string | null;
};

/** 新增议定事项: what was decided, about which item, who does it (a department, a person of it) and by when. */
export function DecisionDialog({ sheet, open, onClose }: { sheet: DispatchSheet; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { showOther: true });
  const add = useAddDecision();
  const owner = Form.useWatch('ownerDepartmentId', form);
  const meetingDate = sheet.meeting?.date;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
  }, [open, form, errors.clear]);

  const submit = (v: Values) => {
    errors.clear();
    add.mutate(
      {
        id: sheet.id,
        version: sheet.version,
        text: v.text.trim(),
        itemId: v.itemId ?? null,
        ownerDepartmentId: v.ownerDepartmentId!,
        ownerPersonId: v.ownerPersonId ?? null,
        dueDate: v.dueDate!.format('YYYY-MM-DD'),
        measureId: v.measureId ?? null,
      },
      {
        onSuccess: () => {
          toastSuccess(t('dispatch.decisions.added'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };
  const items = sheet.groups.flatMap((g) => g.items);
  const required = (key: 'text' | 'owner' | 'dueDate') => ({ required: true, message: t(`dispatch.decisions.required.${key}`) });
  return (
    <Modal
      open={open}
      title={t('dispatch.decisions.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'dispatch-decision-ok' } as ButtonProps}
      destroyOnHidden
      mask={{ closable: false }}
      width={600}
    >
      <FieldErrorsAlert errors={errors.errors} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        onValuesChange={(changed: Partial<Values>) => {
          if ('ownerDepartmentId' in changed) form.setFieldValue('ownerPersonId', null);
        }}
      >
        <Form.Item name="text" label={t('dispatch.decisions.text')} rules={[{ ...required('text'), whitespace: true }, textLimit(t, 2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="dispatch-decision-text" />
        </Form.Item>
        <Form.Item name="itemId" label={t('dispatch.decisions.item')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={items.map((i) => ({ value: i.id, label: i.title }))}
            data-testid="dispatch-decision-item"
          />
        </Form.Item>
        <Form.Item name="ownerDepartmentId" label={t('dispatch.decisions.owner')} rules={[required('owner')]}>
          <DepartmentTreeSelect data-testid="dispatch-decision-owner" />
        </Form.Item>
        <Form.Item name="ownerPersonId" label={t('dispatch.decisions.ownerPerson')}>
          <PersonPicker departmentId={owner} disabled={!owner} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('dispatch.decisions.dueDate')} rules={[required('dueDate')]}>
          <DatePicker
            disabledDate={(d) => !!meetingDate && d.isBefore(dayjs(meetingDate), 'day')}
            style={{ width: '100%' }}
            data-testid="dispatch-decision-due"
          />
        </Form.Item>
        <Form.Item name="measureId" label={t('dispatch.decisions.measure')} extra={t('dispatch.decisions.measureHint')}>
          <MeasurePicker planId={sheet.planId} data-testid="dispatch-decision-measure" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
