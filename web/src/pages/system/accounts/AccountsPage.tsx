import { useState } from 'react';
import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { AccountState, type Account } from '@qinlian/contracts';
import { useCan } from '../../../auth/session.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { serverPagination } from '../../../components/serverPagination.ts';
import { SearchInput } from '../../../components/SearchInput.tsx';
import { ShowOnceModal } from '../../../components/ShowOnceModal.tsx';
import { formatInstant } from '../../../components/time.ts';
import { OpenAccountModal } from '../../../domain/accounts/OpenAccountModal.tsx';
import { roleName } from '../../../domain/roles/roleName.ts';
import { useRoles } from '../../../domain/roles/useRoles.ts';
import { AccountActions } from './AccountActions.tsx';
import { useAccounts, type AccountFilter } from './hooks.ts';

const STATE_COLOR: Record<AccountState, string> = { enabled: 'success', disabled: 'default', delayed: 'volcano' };
const stateOf = (a: Account): AccountState => (a.disabled ? 'disabled' : a.signInDelayedUntil ? 'delayed' : 'enabled');

/** 账号管理: every sign-in account, filtered by name, state and role; disable, enable, reset, release a delay, open one for a person. */
export function AccountsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [filter, setFilter] = useState<AccountFilter>({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const [opening, setOpening] = useState(false);
  const [password, setPassword] = useState<{ account: Account; value: string } | null>(null);
  const accounts = useAccounts(filter);
  const roles = useRoles(true, true);
  const change = (patch: Partial<AccountFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  const columns: ColumnsType<Account> = [
    {
      key: 'username',
      title: t('accounts.username'),
      width: 160,
      render: (_: unknown, a) => <Typography.Text code>{a.username}</Typography.Text>,
    },
    {
      key: 'person',
      title: t('accounts.person'),
      width: 140,
      render: (_: unknown, a) => a.personName ?? <Typography.Text type="secondary">{t('accounts.noPerson')}</Typography.Text>,
    },
    { key: 'department', dataIndex: 'departmentName', title: t('accounts.department'), width: 180, render: (v: string | null) => v ?? '—' },
    {
      key: 'roles',
      title: t('accounts.roles'),
      width: 220,
      render: (_: unknown, a) => (
        <Space size={[4, 4]} wrap>
          {a.roles.map((r) => (
            <Tag key={r.id}>{roleName(t, i18n, r)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'state',
      title: t('accounts.state'),
      width: 200,
      render: (_: unknown, a) => {
        const state = stateOf(a);
        return (
          <Space size={[4, 4]} wrap data-testid={`account-state-${a.username}`}>
            <Tooltip title={a.signInDelayedUntil ? t('accounts.delayedUntil', { time: formatInstant(a.signInDelayedUntil) }) : undefined}>
              <Tag color={STATE_COLOR[state]}>{t(`accounts.states.${state}`)}</Tag>
            </Tooltip>
            {a.mustChangePassword && <Tag color="warning">{t('accounts.mustChange')}</Tag>}
            {a.totpEnabled && <Tag color="blue">{t('accounts.totp')}</Tag>}
          </Space>
        );
      },
    },
    {
      key: 'lastSignInAt',
      dataIndex: 'lastSignInAt',
      title: t('accounts.lastSignIn'),
      width: 170,
      render: (v: string | null) => (v ? formatInstant(v) : <Typography.Text type="secondary">{t('accounts.never')}</Typography.Text>),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 240,
      render: (_: unknown, a) => <AccountActions account={a} onPassword={(account, value) => setPassword({ account, value })} />,
    },
  ];

  return (
    <PageContainer
      title={t('accounts.title')}
      subtitle={t('accounts.subtitle')}
      extra={
        can('people.manage') && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setOpening(true)} data-testid="account-open-button">
            {t('accounts.open')}
          </Button>
        )
      }
    >
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <SearchInput
            placeholder={t('accounts.searchPlaceholder')}
            value={q}
            onChange={setQ}
            onSearch={(v) => change({ q: v.trim() || undefined })}
            width={220}
            data-testid="accounts-search"
          />
          <Select
            allowClear
            placeholder={t('accounts.allStates')}
            value={filter.state}
            onChange={(state?: AccountState) => change({ state })}
            options={AccountState.options.map((s) => ({ value: s, label: t(`accounts.states.${s}`) }))}
            style={{ width: 160 }}
            data-testid="accounts-state-filter"
          />
          <Select
            allowClear
            placeholder={t('accounts.allRoles')}
            value={filter.roleId}
            onChange={(roleId?: string) => change({ roleId })}
            options={(roles.data ?? []).map((r) => ({ value: r.id, label: roleName(t, i18n, r) }))}
            style={{ width: 200 }}
            data-testid="accounts-role-filter"
          />
        </Flex>
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={accounts.data?.items ?? []}
          loading={accounts.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={serverPagination(t, { ...filter, total: accounts.data?.total ?? 0 }, (paging) =>
            setFilter((f) => ({ ...f, ...paging })),
          )}
          data-testid="accounts-table"
        />
      </Card>
      <OpenAccountModal open={opening} onClose={() => setOpening(false)} />
      <ShowOnceModal
        open={!!password}
        title={t('accounts.passwordResetTitle')}
        label={password ? `${password.account.personName ?? password.account.displayName} · ${password.account.username}` : ''}
        secret={password?.value ?? null}
        hint={t('person.initialPasswordHint')}
        onClose={() => setPassword(null)}
        testId="account-new-password"
      />
    </PageContainer>
  );
}
