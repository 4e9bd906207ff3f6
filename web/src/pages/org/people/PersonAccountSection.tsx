import { useEffect, useState } from 'react';
import { KeyOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Divider, Flex, Popconfirm, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../auth/session.ts';
import { ShowOnceModal } from '../../../components/ShowOnceModal.tsx';
import { OpenAccountModal } from '../../../domain/accounts/OpenAccountModal.tsx';
import { useRoles } from '../../../domain/roles/useRoles.ts';
import { useResetPassword, useSetUserRoles, type PersonDetail } from './hooks.ts';
import { roleName } from '../../../domain/roles/roleName.ts';

/** The person's sign-in account: open one, roles and password reset. */
export function PersonAccountSection({ person }: { person: PersonDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const userId = typeof person.userId === 'string' ? person.userId : null;
  const roles = useRoles(!!userId && can('roles.manage'), true);
  const setRoles = useSetUserRoles();
  const reset = useResetPassword();
  const initialRoles = person.roleIds ?? person.roles?.map((r) => r.id) ?? null;
  const [roleIds, setRoleIds] = useState<string[]>(initialRoles ?? []);
  const [password, setPassword] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);

  useEffect(() => setRoleIds(person.roleIds ?? person.roles?.map((r) => r.id) ?? []), [person]);

  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('person.accountSection')}
      </Divider>
      {!person.username ? (
        <Flex gap={12} align="center" wrap>
          <Typography.Text type="secondary">{t('person.noAccountHint')}</Typography.Text>
          {can('users.manage') && person.abilities.manage && (
            <Button icon={<UserAddOutlined />} onClick={() => setOpening(true)} data-testid="person-open-account">
              {t('accounts.open')}
            </Button>
          )}
        </Flex>
      ) : !userId ? (
        <Typography.Text type="secondary">{t('person.noUserId')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text>
            {t('person.username')}
            {t('common.colon')}
            <Typography.Text code>{person.username}</Typography.Text>
          </Typography.Text>
          {can('roles.manage') && (
            <Flex gap={8}>
              <Select
                mode="multiple"
                style={{ flex: 1 }}
                value={roleIds}
                onChange={setRoleIds}
                loading={roles.isLoading}
                placeholder={t('person.roles')}
                options={(roles.data ?? []).map((r) => ({ value: r.id, label: roleName(t, i18n, r) }))}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="person-roles-select"
              />
              <Button
                onClick={() => setRoles.mutate({ userId, roleIds }, { onSuccess: () => message.success(t('person.rolesSaved')) })}
                loading={setRoles.isPending}
                disabled={!person.abilities.manage}
              >
                {t('person.assignRoles')}
              </Button>
            </Flex>
          )}
          {can('users.manage') && (
            <div>
              <Popconfirm
                title={t('person.resetPassword')}
                description={t('person.resetConfirm', { name: person.name })}
                onConfirm={() =>
                  reset.mutateAsync(userId).then(
                    (r) => setPassword(r.password),
                    () => undefined,
                  )
                }
              >
                <Button
                  icon={<KeyOutlined />}
                  loading={reset.isPending}
                  disabled={!person.abilities.manage}
                  data-testid="person-reset-password"
                >
                  {t('person.resetPassword')}
                </Button>
              </Popconfirm>
            </div>
          )}
        </Flex>
      )}
      <ShowOnceModal
        open={!!password}
        title={t('person.resetPassword')}
        label={t('person.newPassword')}
        secret={password}
        hint={t('person.initialPasswordHint')}
        onClose={() => setPassword(null)}
        testId="reset-password-value"
      />
      <OpenAccountModal open={opening} person={person} onClose={() => setOpening(false)} />
    </>
  );
}
