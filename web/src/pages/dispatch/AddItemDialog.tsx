import { useEffect } from 'react';
import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DispatchItemInput } from '@qinlian/contracts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';

type Values = { title: string; detail?: string; departmentId?: string | null; leaderPersonId?: string | null; note?: string };
type Props = {
  open: boolean;
  saving: boolean;
  onClose: () => void;
  /** save the sheet with this item added; `onError` shows the server's answer in the form */
  onAdd: (item: DispatchItemInput, onError: (err: Error) => void) => void;
};

/** An item the office adds by hand: what, the situation, the department responsible and the leader in charge. */
export function AddItemDialog({ open, saving, onClose, onAdd }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { showOther: true });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
  }, [open, form, errors.clear]);
  const submit = (v: Values) => {
    errors.clear();
    onAdd(
      {
        title: v.title.trim(),
        detail: v.detail?.trim() ?? '',
        departmentId: v.departmentId ?? null,
        leaderPersonId: v.leaderPersonId ?? null,
        note: v.note?.trim() ?? '',
      },
      errors.show,
    );
  };
  const label = (k: 'title' | 'detail' | 'department' | 'leader') => t(`dispatch.addItem.fields.${k}`);
  return (
    <Modal
      open={open}
      title={t('dispatch.addItem.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, 'data-testid': 'dispatch-add-item-ok' } as ButtonProps}
      destroyOnHidden
      width={560}
    >
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="title"
          label={label('title')}
          rules={[{ required: true, whitespace: true, message: t('dispatch.addItem.titleRequired') }, textLimit(t, 200)]}
        >
          <Input count={{ show: true, max: 200 }} data-testid="dispatch-add-item-title" />
        </Form.Item>
        <Form.Item name="detail" label={label('detail')} rules={[textLimit(t, 2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="departmentId" label={label('department')}>
          <DepartmentTreeSelect />
        </Form.Item>
        <Form.Item name="leaderPersonId" label={label('leader')}>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="note" label={t('dispatch.items.note')} rules={[textLimit(t, 1000)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('dispatch.items.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
