import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ApiToken, ApiTokenCreated } from '@qinlian/contracts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { ShowOnceModal } from '../../../components/ShowOnceModal.tsx';
import { formatInstant } from '../../../components/time.ts';
import { useApiTokens, useRevokeApiToken } from './hooks.ts';
import { TokenCreateModal } from './TokenCreateModal.tsx';
import { TokenScopeTag } from './TokenScopeTag.tsx';

/** API 令牌: issue (shown once), list, revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<z.infer<typeof ApiTokenCreated> | null>(null);

  const state = (tk: ApiToken) =>
    tk.revokedAt ? (
      <Tag>{t('token.revoked')}</Tag>
    ) : tk.expiresAt && dayjs(tk.expiresAt).isBefore(dayjs()) ? (
      <Tag color="warning">{t('token.expired')}</Tag>
    ) : (
      <Tag color="success">{t('token.valid')}</Tag>
    );

  const columns: ColumnsType<ApiToken> = [
    { key: 'name', dataIndex: 'name', title: t('token.name'), width: 200 },
    { key: 'username', dataIndex: 'username', title: t('token.user'), width: 140 },
    { key: 'scope', title: t('token.scope'), width: 260, render: (_: unknown, tk) => <TokenScopeTag scope={tk.scope} /> },
    { key: 'status', title: t('common.status'), width: 100, render: (_: unknown, tk) => state(tk) },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('token.createdAt'), width: 180, render: formatInstant },
    {
      key: 'expiresAt',
      dataIndex: 'expiresAt',
      title: t('token.expiresAt'),
      width: 180,
      render: (v: string | null) => (v ? formatInstant(v) : t('token.never')),
    },
    {
      key: 'lastUsedAt',
      dataIndex: 'lastUsedAt',
      title: t('token.lastUsedAt'),
      width: 180,
      render: (v: string | null) => (v ? formatInstant(v) : t('token.neverUsed')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      fixed: 'right',
      render: (_: unknown, tk) =>
        tk.revokedAt ? null : (
          <Popconfirm
            title={t('token.revoke')}
            description={t('token.revokeConfirm', { name: tk.name })}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              revoke.mutateAsync(tk.id).then(
                () => void message.success(t('token.revokedDone')),
                () => undefined,
              )
            }
          >
            <Button type="link" size="small" danger data-testid={`token-revoke-${tk.id}`}>
              {t('token.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <PageContainer
      title={t('token.title')}
      subtitle={t('token.subtitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create-button">
          {t('token.create')}
        </Button>
      }
    >
      <Card>
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tokens.data ?? []}
          loading={tokens.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="tokens-table"
        />
      </Card>
      <TokenCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tk) => {
          setCreating(false);
          setCreated(tk);
        }}
      />
      <ShowOnceModal
        open={!!created}
        title={t('token.createdTitle')}
        label={created ? `${created.name} · ${created.username}` : ''}
        secret={created?.token ?? null}
        hint={t('token.tokenHint')}
        onClose={() => setCreated(null)}
        testId="token-value"
      />
    </PageContainer>
  );
}
