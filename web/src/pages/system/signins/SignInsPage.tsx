import { useState } from 'react';
import { Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SignInLogEntry } from '@qinlian/contracts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { serverPagination } from '../../../components/serverPagination.ts';
import { SearchInput } from '../../../components/SearchInput.tsx';
import { formatInstant } from '../../../components/time.ts';
import { useSignIns, type SignInFilter } from './hooks.ts';

const RESULT_COLOR: Record<SignInLogEntry['result'], string> = {
  success: 'success',
  bad_password: 'error',
  unknown_user: 'error',
  locked: 'volcano',
  delayed: 'volcano',
  totp_required: 'processing',
  bad_totp: 'warning',
  disabled: 'default',
  unlocked: 'cyan',
  bad_current_password: 'error',
  reauth: 'success',
};

/** 登录日志: every attempt, newest first. */
export function SignInsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<SignInFilter>({ page: 1, pageSize: 20 });
  const [username, setUsername] = useState('');
  const log = useSignIns(filter);

  const columns: ColumnsType<SignInLogEntry> = [
    { key: 'at', dataIndex: 'at', title: t('signIn.at'), width: 180, render: formatInstant },
    { key: 'username', dataIndex: 'username', title: t('signIn.username'), width: 150 },
    {
      key: 'result',
      dataIndex: 'result',
      title: t('signIn.result'),
      width: 130,
      render: (v: SignInLogEntry['result']) => <Tag color={RESULT_COLOR[v]}>{t(`signIn.results.${v}`)}</Tag>,
    },
    { key: 'ip', dataIndex: 'ip', title: t('signIn.ip'), width: 150 },
    {
      // readable names ("Chrome 131 · Windows 10"); the header as sent on hover, or as is when nothing is recognised
      key: 'userAgent',
      dataIndex: 'client',
      title: t('signIn.userAgent'),
      render: (client: string | null, e) =>
        client ? (
          <Tooltip title={e.userAgent}>
            <span data-testid="signin-client">{client}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary" ellipsis={{ tooltip: e.userAgent }} style={{ maxWidth: 420 }}>
            {e.userAgent || '—'}
          </Typography.Text>
        ),
    },
  ];

  return (
    <PageContainer title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      <Card>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <SearchInput
            placeholder={t('signIn.username')}
            value={username}
            onChange={setUsername}
            onSearch={(v) => setFilter((f) => ({ ...f, page: 1, username: v.trim() || undefined }))}
            width={240}
            data-testid="signins-search"
          />
        </Flex>
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={log.data?.items ?? []}
          loading={log.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={serverPagination(t, { ...filter, total: log.data?.total ?? 0 }, (paging) => setFilter((f) => ({ ...f, ...paging })))}
          data-testid="signins-table"
        />
      </Card>
    </PageContainer>
  );
}
