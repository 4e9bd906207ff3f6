import { Alert, Button, Card, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { formatInstant } from '../../components/time.ts';
import { DemandStatusTag } from './DemandStatusTag.tsx';
import { useMerge, useSimilarDemands, useUnmerge } from './hooks.ts';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12.5 } as const;

/**
 * 并单: the items like this one (found from their words as they arrived) with a 并单 button — this
 * item joins the chosen one and its submitter gets that item's reply; the items that joined this one,
 * each with 撤销并单; and, on an item that joined another, where it went.
 */
export function DemandMergeCard({ item }: { item: DemandDetail }) {
  const { t } = useTranslation();
  const merge = useMerge();
  const unmerge = useUnmerge();
  const similar = useSimilarDemands(item.id, item.mergedIntoId === null);
  const outcome = (key: 'merged' | 'unmerged') => ({
    onSuccess: () => toastSuccess(t(`demands.done.${key}`)),
    onError: (err: Error) => toastError(err.message),
  });

  return (
    <Card title={t('demands.merge.title')} data-testid="demand-merge-card">
      {item.mergedIntoId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('demands.merge.joined')}
          description={
            <Link to={`/demands/${item.mergedIntoId}`} data-testid="demand-merged-into">
              {t('demands.merge.openMain')}
            </Link>
          }
        />
      )}
      {item.merged.length > 0 && (
        <>
          <Typography.Text strong>{t('demands.merge.mergedHere', { count: item.merged.length })}</Typography.Text>
          <List
            size="small"
            dataSource={item.merged}
            renderItem={(m) => (
              <List.Item
                key={m.id}
                data-testid="demand-merged-item"
                actions={
                  item.abilities.merge
                    ? [
                        <Popconfirm
                          key="undo"
                          title={t('demands.merge.undoConfirm', { code: m.code })}
                          onConfirm={() => unmerge.mutate({ id: m.id }, outcome('unmerged'))}
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                        >
                          <Button size="small" loading={unmerge.isPending} data-testid="demand-unmerge">
                            {t('demands.merge.undo')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : undefined
                }
              >
                <div style={{ minWidth: 0 }}>
                  <Typography.Text type="secondary" style={mono}>
                    {m.code}
                  </Typography.Text>{' '}
                  <Tag bordered={false}>{t(`demands.channels.${m.channel}`)}</Tag>
                  <div>
                    <Link to={`/demands/${m.id}`} style={{ overflowWrap: 'anywhere' }}>
                      {m.title}
                    </Link>
                  </div>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
      {item.mergedIntoId === null && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: item.merged.length > 0 ? 12 : 0 }}>
            {t('demands.merge.similar')}
          </Typography.Text>
          {similar.isError && <Alert type="warning" showIcon title={similar.error.message} />}
          {similar.data && similar.data.items.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('demands.merge.noSimilar')} />
          )}
          <List
            size="small"
            loading={similar.isLoading}
            dataSource={similar.data?.items ?? []}
            locale={{ emptyText: ' ' }}
            renderItem={(s) => (
              <List.Item
                key={s.id}
                data-testid="demand-similar-item"
                actions={
                  item.abilities.merge
                    ? [
                        <Popconfirm
                          key="merge"
                          title={t('demands.merge.confirm', { code: s.code })}
                          description={t('demands.merge.confirmText')}
                          onConfirm={() => merge.mutate({ id: item.id, intoId: s.id, version: item.version }, outcome('merged'))}
                          okText={t('demands.merge.action')}
                          cancelText={t('common.cancel')}
                        >
                          <Button size="small" type="primary" ghost loading={merge.isPending} data-testid="demand-merge">
                            {t('demands.merge.action')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : undefined
                }
              >
                <div style={{ minWidth: 0 }}>
                  <Flex gap={6} wrap align="center">
                    <Typography.Text type="secondary" style={mono}>
                      {s.code}
                    </Typography.Text>
                    <DemandStatusTag status={s.status} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('demands.merge.score', { score: Math.round(s.score * 100) })} · {formatInstant(s.createdAt)}
                    </Typography.Text>
                  </Flex>
                  <Link to={`/demands/${s.id}`} style={{ overflowWrap: 'anywhere' }}>
                    {s.title}
                  </Link>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
