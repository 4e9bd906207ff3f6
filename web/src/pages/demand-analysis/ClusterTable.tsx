import { useMemo } from 'react';
import { Button, Flex, Grid, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DemandCluster } from '@qinlian/contracts';
import { formatYuan } from '../../domain/livelihood/formatYuan.ts';
import { ClusterStatusTag } from './ClusterStatusTag.tsx';

const secondary = { fontSize: 12 } as const;

/** What the cluster is about: its top words as the label, a submitter's own title under it. */
function ClusterName({ c, onOpen }: { c: DemandCluster; onOpen: () => void }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Button
        type="link"
        onClick={onOpen}
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
        data-testid="cluster-open"
      >
        {c.label || c.headline}
      </Button>
      <Typography.Text type="secondary" style={{ ...secondary, display: 'block', overflowWrap: 'anywhere' }}>
        {c.projectTitle ?? c.headline}
      </Typography.Text>
    </div>
  );
}

function columns(t: TFunction, language: string, phone: boolean, open: (id: string) => void): ColumnsType<DemandCluster> {
  return [
    { key: 'rank', title: t('demandAnalysis.columns.rank'), dataIndex: 'rank', width: 64, hidden: phone },
    {
      key: 'cluster',
      title: t('demandAnalysis.columns.cluster'),
      render: (_, c) => (
        <div style={{ minWidth: phone ? 0 : 220 }}>
          {phone && (
            <Flex gap={6} wrap align="center" style={{ marginBottom: 2 }}>
              <Typography.Text type="secondary" style={secondary}>
                #{c.rank}
              </Typography.Text>
              <ClusterStatusTag status={c.status} />
              <Typography.Text strong style={secondary}>
                {t('demandAnalysis.peopleCount', { count: c.people })}
              </Typography.Text>
              {c.urgent > 0 && (
                <Tag color="magenta">
                  {t('demandAnalysis.drawer.urgent')} {c.urgent}
                </Tag>
              )}
            </Flex>
          )}
          <ClusterName c={c} onOpen={() => open(c.id)} />
        </div>
      ),
    },
    { key: 'people', title: t('demandAnalysis.columns.people'), dataIndex: 'people', width: 72, align: 'right', hidden: phone },
    {
      key: 'urgent',
      title: t('demandAnalysis.columns.urgent'),
      width: 72,
      align: 'right',
      hidden: phone,
      render: (_, c) => (c.urgent > 0 ? <Typography.Text type="danger">{c.urgent}</Typography.Text> : 0),
    },
    {
      key: 'categories',
      title: t('demandAnalysis.columns.categories'),
      hidden: phone,
      render: (_, c) => (
        <Flex gap={4} wrap>
          {c.categories.slice(0, 3).map((x) => (
            <Tag key={x.name} variant="filled" style={{ marginInlineEnd: 0 }}>
              {x.name} {x.people}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'words',
      title: t('demandAnalysis.columns.words'),
      hidden: phone,
      render: (_, c) => (
        <Typography.Text type="secondary" style={secondary}>
          {c.topWords
            .slice(0, 6)
            .map((w) => w.word)
            .join(' · ')}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('demandAnalysis.columns.status'),
      width: 140,
      hidden: phone,
      render: (_, c) => (
        <div>
          <ClusterStatusTag status={c.status} />
          {c.estimatedCost !== null && (
            <Typography.Text type="secondary" style={{ ...secondary, display: 'block' }}>
              {formatYuan(c.estimatedCost, t, language)}
            </Typography.Text>
          )}
        </div>
      ),
    },
  ];
}

/** 议题排名: the clusters by people, then urgency; a click opens the cluster. On a phone one column holds it all. */
export function ClusterTable({ clusters, loading, onOpen }: { clusters: DemandCluster[]; loading: boolean; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const cols = useMemo(() => columns(t, i18n.language, phone, onOpen), [t, i18n.language, phone, onOpen]);
  return (
    <Table<DemandCluster>
      rowKey="id"
      size="middle"
      columns={cols}
      dataSource={clusters}
      loading={loading}
      scroll={phone ? undefined : { x: 'max-content' }}
      tableLayout={phone ? 'fixed' : undefined}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('demandAnalysis.empty') }}
      onRow={(c) => ({ 'data-testid': 'cluster-row', 'data-status': c.status }) as React.HTMLAttributes<HTMLElement>}
      data-testid="cluster-table"
    />
  );
}
