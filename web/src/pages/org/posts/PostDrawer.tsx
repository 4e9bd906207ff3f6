import { useEffect, useState } from 'react';
import { App, Button, Drawer, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Post } from '@qinlian/contracts';
import type { FieldError } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../api/formErrors.ts';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect.tsx';
import { FieldErrorsAlert } from '../../../components/FieldErrorsAlert.tsx';
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
  const [extra, setExtra] = useState<FieldError[]>([]);
  const departmentId = Form.useWatch('departmentId', form);
  const readOnly = post ? !post.abilities.manage : false;

  useEffect(() => {
    if (!open) return;
    setExtra([]);
    form.resetFields();
    form.setFieldsValue(
      post
        ? { departmentId: post.departmentId, name: post.name, duties: post.duties, aPersonId: post.aPersonId, bPersonId: post.bPersonId }
        : { departmentId: defaultDepartmentId, duties: '' },
    );
  }, [open, post, defaultDepartmentId, form]);

  const done = (text: string) => () => {
    message.success(text);
    onClose();
  };
  const onError = (err: Error) => setExtra(applyFieldErrors(form, err));

  const submit = (v: Values) => {
    setExtra([]);
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
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={post ? t('post.editTitle') : t('post.create')}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => form.submit()}
            loading={create.isPending || update.isPending}
            disabled={readOnly}
            data-testid="post-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <FieldErrorsAlert errors={extra} />
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
    </Drawer>
  );
}
