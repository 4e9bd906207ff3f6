import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department, DepartmentCreateBody } from '@qinlian/contracts';
import type { FieldError } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../api/formErrors.ts';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect.tsx';
import { FieldErrorsAlert } from '../../../components/FieldErrorsAlert.tsx';
import { useCreateDepartment } from './hooks.ts';
import { KindSelect } from './KindSelect.tsx';

type Props = { open: boolean; parentId: string | null; asChild?: boolean; onClose: () => void; onCreated: (d: Department) => void };

export function DepartmentCreateModal({ open, parentId, asChild, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentCreateBody>();
  const create = useCreateDepartment();
  const [extra, setExtra] = useState<FieldError[]>([]);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ parentId, kind: parentId ? 'department' : 'committee', sort: 0 });
      setExtra([]);
    }
  }, [open, parentId, form]);

  const submit = (values: DepartmentCreateBody) => {
    setExtra([]);
    create.mutate(
      { ...values, name: values.name.trim(), parentId: values.parentId ?? null },
      {
        onSuccess: (dept) => {
          message.success(t('common.created'));
          onCreated(dept);
        },
        onError: (err) => setExtra(applyFieldErrors(form, err)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={asChild ? t('dept.createChild') : t('dept.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'dept-save' }}
      forceRender
    >
      <FieldErrorsAlert errors={extra} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" style={{ marginTop: 12 }}>
        <Form.Item name="parentId" label={t('dept.parent')}>
          <DepartmentTreeSelect placeholder={t('dept.noParent')} data-testid="dept-parent-select" />
        </Form.Item>
        <Form.Item name="name" label={t('dept.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} data-testid="dept-name-input" autoFocus />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('dept.kind')}
          rules={[{ required: true, message: t('common.pleaseSelect', { field: t('dept.kind') }) }]}
        >
          <KindSelect />
        </Form.Item>
        <Form.Item name="sort" label={t('dept.sort')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
