import { useEffect } from 'react';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Post } from '@qinlian/contracts';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useFormErrors } from '../../../components/useFormErrors.ts';
import { useCreatePost, useUpdatePost } from './hooks.ts';
import { PersonInDepartmentSelect } from './PersonInDepartmentSelect.tsx';

type Values = { departmentId: string; name: string; duties?: string; aPersonId?: string | null; bPersonId?: string | null };
type Props = { open: boolean; post: Post | null; defaultDepartmentId?: string; onClose: () => void };

/** Create or edit a post with its A (primary) and B (backup) holders from the post's department. */
export function PostDrawer({ open, post, defaultDepartmentId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePost();
  const update = useUpdatePost();
  const serverErrors = useFormErrors(form);
  const departmentId = Form.useWatch('departmentId', form);
  const readOnly = post ? !post.abilities.manage : false;

  useEffect(() => {
    if (!open) return;
    serverErrors.clear();
    form.resetFields();
    form.setFieldsValue(
      post
        ? { departmentId: post.departmentId, name: post.name, duties: post.duties, aPersonId: post.aPersonId, bPersonId: post.bPersonId }
        : { departmentId: defaultDepartmentId, duties: '' },
    );
  }, [open, post, defaultDepartmentId, form, serverErrors.clear]);

  const done = (text: string) => () => {
    message.success(text);
    onClose();
  };
  const onError = serverErrors.show;

  const submit = (v: Values) => {
    serverErrors.clear();
    const holders = { aPersonId: v.aPersonId ?? null, bPersonId: v.bPersonId ?? null };
    if (post) {
      update.mutate(
        { id: post.id, name: v.name.trim(), duties: (v.duties ?? '').trim(), ...holders, version: post.version },
        { onSuccess: done(t('common.saved')), onError },
      );
    } else {
      create.mutate(
        { departmentId: v.departmentId, name: v.name.trim(), duties: (v.duties ?? '').trim(), ...holders },
        { onSuccess: done(t('common.created')), onError },
      );
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={520}
      title={post ? t('post.editTitle') : t('post.create')}
      form={form}
      saving={create.isPending || update.isPending}
      readOnly={readOnly}
      errors={serverErrors.errors}
      saveTestId="post-save"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={readOnly}
        requiredMark="optional"
        onValuesChange={(changed: Partial<Values>) => {
          if ('departmentId' in changed) form.setFieldsValue({ aPersonId: null, bPersonId: null });
        }}
      >
        <Form.Item
          name="departmentId"
          label={t('post.department')}
          rules={[{ required: true, message: t('common.pleaseSelect', { field: t('post.department') }) }]}
        >
          <DepartmentTreeSelect allowClear={false} disabled={!!post} data-testid="post-department-select" />
        </Form.Item>
        <Form.Item name="name" label={t('post.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} data-testid="post-name-input" />
        </Form.Item>
        <Form.Item name="duties" label={t('post.duties')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="aPersonId" label={t('post.a')}>
          <PersonInDepartmentSelect departmentId={departmentId} data-testid="post-a-select" />
        </Form.Item>
        <Form.Item name="bPersonId" label={t('post.b')}>
          <PersonInDepartmentSelect departmentId={departmentId} data-testid="post-b-select" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
