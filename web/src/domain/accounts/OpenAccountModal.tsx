import { useEffect, useState } from 'react';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonCreated } from '@qinlian/contracts';
import { useCan } from '../../auth/session.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { ShowOnceModal } from '../../components/ShowOnceModal.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { roleName } from '../roles/roleName.ts';
import { useRoles } from '../roles/useRoles.ts';
import { useOpenAccount } from './useOpenAccount.ts';

type Values = { personId: string; username: string; roleIds: string[] };
type Props = {
  open: boolean;
  /** the person, when the caller has one (the people drawer); otherwise the form asks for one */
  person?: { id: string; name: string } | null;
  onClose: () => void;
};

/** 开通登录账号 for a registered person; the initial password is shown once, then the dialog closes. */
export function OpenAccountModal({ open, person, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const openAccount = useOpenAccount();
  const serverErrors = useFormErrors(form, { rename: (p) => (p === 'params.id' ? 'personId' : p), showOther: true });
  const roles = useRoles(open && can('roles.manage'), true);
  const [created, setCreated] = useState<PersonCreated | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    serverErrors.clear();
    form.setFieldsValue({ personId: person?.id, roleIds: [] });
  }, [open, person, form, serverErrors.clear]);

  const submit = (v: Values) => {
    serverErrors.clear();
    openAccount.mutate(
      { personId: person?.id ?? v.personId, username: v.username.trim(), roleIds: v.roleIds ?? [] },
      { onSuccess: setCreated, onError: serverErrors.show },
    );
  };

  return (
    <>
      <Modal
        open={open && !created}
        title={t('accounts.openTitle')}
        onCancel={onClose}
        onOk={() => form.submit()}
        okText={t('accounts.open')}
        okButtonProps={{ loading: openAccount.isPending, 'data-testid': 'open-account-save' }}
        forceRender
      >
        <FieldErrorsAlert errors={serverErrors.errors} />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" style={{ marginTop: 12 }}>
          {person ? (
            <Form.Item label={t('accounts.person')}>
              <Typography.Text strong>{person.name}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="personId"
              label={t('accounts.person')}
              extra={t('accounts.openHint')}
              rules={[{ required: true, message: t('accounts.pickPerson') }]}
            >
              <PersonPicker placeholder={t('accounts.pickPerson')} data-testid="open-account-person" />
            </Form.Item>
          )}
          <Form.Item
            name="username"
            label={t('accounts.username')}
            extra={t('person.usernameHint')}
            rules={[
              { required: true, whitespace: true },
              { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t('person.usernameHint') },
            ]}
          >
            <Input autoComplete="off" data-testid="open-account-username" />
          </Form.Item>
          {can('roles.manage') && (
            <Form.Item name="roleIds" label={t('accounts.roles')}>
              <Select
                mode="multiple"
                loading={roles.isLoading}
                options={(roles.data ?? []).map((r) => ({ value: r.id, label: roleName(t, i18n, r) }))}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="open-account-roles"
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <ShowOnceModal
        open={!!created}
        title={t('person.initialPasswordTitle')}
        label={created ? `${created.name} · ${created.username ?? ''}` : ''}
        secret={created?.initialPassword ?? null}
        hint={t('person.initialPasswordHint')}
        onClose={() => {
          setCreated(null);
          onClose();
        }}
        testId="open-account-password"
      />
    </>
  );
}
