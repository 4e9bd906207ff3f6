import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Role } from '@qinlian/contracts';
import { ConfirmLink } from '../../../components/ConfirmLink.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useRoles } from '../../../domain/roles/useRoles.ts';
import { useDeleteRole } from './hooks.ts';
import { permissionLabel } from '../../../domain/roles/permissions.ts';
import { roleName } from '../../../domain/roles/roleName.ts';
import { RoleDrawer } from './RoleDrawer.tsx';

/** 角色与数据权限 */
export function RolesPage() {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const remove = useDeleteRole();
  const [drawer, setDrawer] = useState<{ role: Role | null } | null>(null);

  const columns: ColumnsType<Role> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('role.name'),
      width: 200,
      render: (_: string, r) => (
        <Space>
          <a onClick={() => setDrawer({ role: r })}>{roleName(t, i18n, r)}</a>
          {r.builtin && <Tag color="purple">{t('role.builtin')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'code',
      dataIndex: 'code',
      title: t('role.code'),
      width: 150,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      key: 'permissions',
      dataIndex: 'permissions',
      title: t('role.permissions'),
      render: (ps: Role['permissions']) => (
        <Space size={[4, 4]} wrap>
          {ps.map((p) => (
            <Tag key={p}>{permissionLabel(t, i18n, p)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'dataScope',
      dataIndex: 'dataScope',
      title: t('role.dataScope'),
      width: 140,
      render: (v: Role['dataScope'], r) =>
        v === 'custom' ? (
          <Tooltip title={`${r.customDepartmentIds.length}`}>
            {t(`role.scopes.${v}`)} ({r.customDepartmentIds.length})
          </Tooltip>
        ) : (
          t(`role.scopes.${v}`)
        ),
    },
    { key: 'userCount', dataIndex: 'userCount', title: t('role.users'), width: 90, align: 'right' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      render: (_: unknown, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDrawer({ role: r })}>
            {t('common.edit')}
          </Button>
          {!r.builtin && (
            <ConfirmLink
              label={t('common.delete')}
              confirm={t('role.deleteConfirm', { name: r.name })}
              onConfirm={() => remove.mutateAsync(r.id)}
              done={t('common.deleted')}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('role.title')}
      subtitle={t('role.subtitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ role: null })} data-testid="role-create-button">
          {t('role.create')}
        </Button>
      }
    >
      <Card>
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={roles.data ?? []}
          loading={roles.isFetching}
          pagination={false}
          data-testid="roles-table"
        />
      </Card>
      <RoleDrawer open={!!drawer} role={drawer?.role ?? null} onClose={() => setDrawer(null)} />
    </PageContainer>
  );
}
