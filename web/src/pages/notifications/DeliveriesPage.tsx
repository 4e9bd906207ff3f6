import { App, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DeliveryChannel, DeliveryStatus, type Delivery } from '@qinlian/contracts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { serverPagination } from '../../components/serverPagination.ts';
import { formatInstant } from '../../components/time.ts';
import { useChannels, useDeliveries, useRetryDelivery, type DeliveryFilter } from './hooks.ts';

const STATUS_COLOR: Record<DeliveryStatus, string> = {
  queued: 'processing',
  sending: 'blue',
  sent: 'success',
  failed: 'error',
  undeliverable: 'default',
};

/** The list's filters live in the address, so a channel's "投递记录" link opens it filtered. */
function useDeliveryFilter(): [DeliveryFilter, (patch: Partial<DeliveryFilter>) => void] {
  const [params, setParams] = useSearchParams();
  const pick = <T extends string>(key: string, allowed: readonly T[]) => {
    const v = params.get(key);
    return v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
  };
  const filter: DeliveryFilter = {
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
    status: pick('status', DeliveryStatus.options),
    channel: pick('channel', DeliveryChannel.options),
    channelId: params.get('channelId') || undefined,
  };
  const set = (patch: Partial<DeliveryFilter>) => {
    const next = { ...filter, page: 1, ...patch };
    const entries = Object.entries(next).filter(([, v]) => v !== undefined && v !== null && v !== '');
    setParams(Object.fromEntries(entries.map(([k, v]) => [k, String(v)])), { replace: true });
  };
  return [filter, set];
}

/** 投递记录: every delivery (in-app, e-mail, robots) with its attempts and last error; a failed one can be retried. */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useDeliveryFilter();
  const deliveries = useDeliveries(filter);
  const channels = useChannels();
  const retry = useRetryDelivery();

  const columns: ColumnsType<Delivery> = [
    { key: 'createdAt', dataIndex: 'createdAt', title: t('deliveries.createdAt'), width: 170, render: formatInstant },
    { key: 'title', dataIndex: 'title', title: t('deliveries.message'), width: 240, ellipsis: true },
    {
      key: 'channel',
      title: t('deliveries.channel'),
      width: 180,
      render: (_: unknown, d) => (
        <Flex gap={4} align="center" wrap>
          <Tag>{t(`deliveries.channels.${d.channel}`)}</Tag>
          {d.channelName && <Typography.Text>{d.channelName}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'to',
      title: t('deliveries.to'),
      width: 180,
      render: (_: unknown, d) => [d.personName, d.address].filter(Boolean).join(' · ') || '—',
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('common.status'),
      width: 100,
      render: (s: DeliveryStatus) => (
        <Tag color={STATUS_COLOR[s]} data-testid="delivery-status">
          {t(`deliveries.statuses.${s}`)}
        </Tag>
      ),
    },
    {
      key: 'attempts',
      title: t('deliveries.attempts'),
      width: 90,
      render: (_: unknown, d) => `${d.attempts} / ${d.maxAttempts}`,
    },
    {
      key: 'when',
      title: t('deliveries.when'),
      width: 190,
      render: (_: unknown, d) =>
        d.sentAt
          ? t('deliveries.sentAt', { time: formatInstant(d.sentAt) })
          : d.nextAttemptAt && d.status === 'queued'
            ? t('deliveries.nextAt', { time: formatInstant(d.nextAttemptAt) })
            : '—',
    },
    {
      key: 'lastError',
      dataIndex: 'lastError',
      title: t('deliveries.lastError'),
      width: 260,
      render: (e: string | null) =>
        e ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: e }} style={{ maxWidth: 260 }}>
            {e}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 90,
      render: (_: unknown, d) =>
        d.abilities.retry && (
          <Button
            type="link"
            size="small"
            loading={retry.isPending && retry.variables === d.id}
            onClick={() =>
              retry.mutateAsync(d.id).then(
                () => void message.success(t('deliveries.retried')),
                () => undefined,
              )
            }
            data-testid={`delivery-retry-${d.id}`}
          >
            {t('deliveries.retry')}
          </Button>
        ),
    },
  ];

  return (
    <PageContainer title={t('deliveries.title')} subtitle={t('deliveries.subtitle')}>
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('deliveries.allChannels')}
            value={filter.channelId}
            onChange={(channelId?: string) => setFilter({ channelId })}
            options={(channels.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${t(`channels.kinds.${c.kind}`)}）` }))}
            style={{ width: 240 }}
            data-testid="deliveries-channel-filter"
          />
          <Select
            allowClear
            placeholder={t('deliveries.allKinds')}
            value={filter.channel}
            onChange={(channel?: DeliveryFilter['channel']) => setFilter({ channel })}
            options={DeliveryChannel.options.map((c) => ({ value: c, label: t(`deliveries.channels.${c}`) }))}
            style={{ width: 160 }}
            data-testid="deliveries-kind-filter"
          />
          <Select
            allowClear
            placeholder={t('deliveries.allStatuses')}
            value={filter.status}
            onChange={(status?: DeliveryStatus) => setFilter({ status })}
            options={DeliveryStatus.options.map((s) => ({ value: s, label: t(`deliveries.statuses.${s}`) }))}
            style={{ width: 160 }}
            data-testid="deliveries-status-filter"
          />
        </Flex>
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={deliveries.data?.items ?? []}
          loading={deliveries.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={serverPagination(t, { ...filter, total: deliveries.data?.total ?? 0 }, setFilter)}
          data-testid="deliveries-table"
        />
      </Card>
    </PageContainer>
  );
}
