import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationChannel } from '@qinlian/contracts';
import { ConfirmLink } from '../../components/ConfirmLink.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatInstant } from '../../components/time.ts';
import { ChannelDrawer } from './ChannelDrawer.tsx';
import { ChannelTestModal } from './ChannelTestModal.tsx';
import { useChannels, useDeleteChannel, useUpdateChannel } from './hooks.ts';

const KIND_COLOR = { email: 'blue', dingtalk: 'cyan', wecom: 'green' } as const;

/** 通知通道: e-mail and the group robots (钉钉、企业微信) — list, create, edit, switch on or off, test, delete. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const channels = useChannels();
  const toggle = useUpdateChannel();
  const remove = useDeleteChannel();
  const [editing, setEditing] = useState<{ channel: NotificationChannel | null } | null>(null);
  const [testing, setTesting] = useState<NotificationChannel | null>(null);

  const columns: ColumnsType<NotificationChannel> = [
    { key: 'name', dataIndex: 'name', title: t('channels.name'), width: 180 },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('channels.kind'),
      width: 120,
      render: (k: NotificationChannel['kind']) => <Tag color={KIND_COLOR[k]}>{t(`channels.kinds.${k}`)}</Tag>,
    },
    {
      key: 'target',
      title: t('channels.target'),
      render: (_: unknown, c) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: c.targetMasked }} style={{ maxWidth: 360 }}>
          {c.targetMasked ?? t('channels.serverSmtp')}
        </Typography.Text>
      ),
    },
    {
      key: 'secret',
      title: t('channels.secret'),
      width: 100,
      render: (_: unknown, c) => (c.hasSecret ? <Tag>{t('channels.secretSet')}</Tag> : '—'),
    },
    {
      key: 'department',
      title: t('channels.department'),
      width: 160,
      render: (_: unknown, c) => (c.kind === 'email' ? '—' : (c.departmentName ?? t('channels.allDepartments'))),
    },
    {
      key: 'enabled',
      title: t('channels.enabled'),
      width: 90,
      render: (_: unknown, c) => (
        <Switch
          size="small"
          checked={c.enabled}
          disabled={!c.abilities.manage}
          loading={toggle.isPending && toggle.variables?.id === c.id}
          onChange={(enabled) => toggle.mutate({ id: c.id, enabled, version: c.version })}
          data-testid={`channel-toggle-${c.id}`}
        />
      ),
    },
    { key: 'updatedAt', dataIndex: 'updatedAt', title: t('channels.updatedAt'), width: 170, render: formatInstant },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 260,
      render: (_: unknown, c) => (
        <Flex gap={4} wrap>
          <Button type="link" size="small" onClick={() => setEditing({ channel: c })} data-testid={`channel-edit-${c.id}`}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setTesting(c)} data-testid={`channel-test-${c.id}`}>
            {t('channels.test')}
          </Button>
          <Link to={`/system/deliveries?channelId=${c.id}`}>
            <Button type="link" size="small">
              {t('channels.deliveries')}
            </Button>
          </Link>
          {c.abilities.manage && (
            <ConfirmLink
              label={t('common.delete')}
              confirm={t('channels.deleteConfirm', { name: c.name })}
              onConfirm={() => remove.mutateAsync(c.id)}
              done={t('common.deleted')}
            />
          )}
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('channels.title')}
      subtitle={t('channels.subtitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ channel: null })} data-testid="channel-create-button">
          {t('channels.create')}
        </Button>
      }
    >
      <Card>
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={channels.data ?? []}
          loading={channels.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={false}
          data-testid="channels-table"
        />
      </Card>
      <ChannelDrawer open={!!editing} channel={editing?.channel ?? null} onClose={() => setEditing(null)} />
      <ChannelTestModal channel={testing} onClose={() => setTesting(null)} />
    </PageContainer>
  );
}
