import { useEffect } from 'react';
import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ApiTokenCreated, ApiTokenScope } from '@qinlian/contracts';
import { applyFieldErrors } from '../../../api/formErrors.ts';
import { useCan, useCurrentUser } from '../../../auth/session.ts';
import { AccountPicker } from './AccountPicker.tsx';
import { useCreateApiToken } from './hooks.ts';
import { TokenScopeFields } from './TokenScopeFields.tsx';

type Values = { name: string; who: 'me' | 'other'; userId?: string | null; expiresInDays?: number | null; scope: ApiTokenScope };
type Props = { open: boolean; onClose: () => void; onCreated: (token: z.infer<typeof ApiTokenCreated>) => void };

export function TokenCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiToken();
  const who = Form.useWatch('who', form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ who: 'me', expiresInDays: 365, scope: { kind: 'read_only' } });
    }
  }, [open, form]);

  const submit = (v: Values) =>
    create.mutate(
      {
        name: v.name.trim(),
        userId: v.who === 'me' ? user.id : (v.userId ?? ''),
        expiresInDays: v.expiresInDays ?? undefined,
        scope: v.scope.kind === 'read_only' ? { kind: 'read_only' } : { kind: 'permissions', permissions: v.scope.permissions },
      },
      { onSuccess: onCreated, onError: (err) => applyFieldErrors(form, err) },
    );

  return (
    <Modal
      open={open}
      title={t('token.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'token-save' }}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" style={{ marginTop: 12 }}>
        <Form.Item name="name" label={t('token.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} data-testid="token-name-input" />
        </Form.Item>
        <Form.Item name="who" label={t('token.user')}>
          <Radio.Group
            options={[
              { value: 'me', label: t('token.me', { username: user.username }) },
              { value: 'other', label: t('token.other'), disabled: !can('people.read') },
            ]}
          />
        </Form.Item>
        {who === 'other' && (
          <Form.Item name="userId" rules={[{ required: true, message: t('token.pickPerson') }]}>
            <AccountPicker />
          </Form.Item>
        )}
        <TokenScopeFields offered={who === 'other' ? undefined : user.permissions} />
        <Form.Item name="expiresInDays" label={t('token.expiresInDays')} extra={t('token.expiresHint')}>
          <InputNumber min={1} max={365} precision={0} style={{ width: 180 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
