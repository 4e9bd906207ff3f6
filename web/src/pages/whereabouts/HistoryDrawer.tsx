import { useEffect, useState } from 'react';
import { Alert, Drawer, Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WhereaboutsBoardEntry, WhereaboutsHistoryItem } from '@qinlian/contracts';
import { serverPagination } from '../../components/serverPagination.ts';
import { shanghaiMonthDay, shanghaiTime } from '../../domain/whereabouts/returnText.ts';
import { useWhereaboutsHistory } from './hooks.ts';
import { StateTag } from './StateTag.tsx';

const text = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** 去向记录 of one person, newest first (the person, their head and the office may read it). */
export function HistoryDrawer({ person, onClose }: { person: WhereaboutsBoardEntry | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const history = useWhereaboutsHistory(person?.personId ?? null, paging.page, paging.pageSize);
  const phone = Grid.useBreakpoint().md === false;
  const personId = person?.personId;
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [personId]);
  const at = (instant: string) => `${shanghaiMonthDay(instant, i18n.language)} ${shanghaiTime(instant)}`;

  return (
    <Drawer
      open={!!person}
      onClose={onClose}
      size={phone ? '100%' : 720}
      title={person ? t('whereabouts.history.title', { name: person.personName }) : null}
    >
      {history.isError && <Alert type="error" showIcon title={history.error.message} />}
      <Table<WhereaboutsHistoryItem>
        rowKey="id"
        size="small"
        data-testid="whereabouts-history"
        loading={history.isFetching}
        dataSource={history.data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('whereabouts.history.empty') }}
        pagination={serverPagination(t, { ...paging, total: history.data?.total ?? 0 }, setPaging)}
        columns={[
          { key: 'at', title: t('whereabouts.history.at'), width: 130, render: (_, r) => at(r.at) },
          { key: 'state', title: t('whereabouts.history.state'), width: 100, render: (_, r) => <StateTag state={r.state} /> },
          { key: 'place', title: t('whereabouts.history.place'), render: (_, r) => <span style={text}>{r.place ?? '—'}</span> },
          {
            key: 'return',
            title: t('whereabouts.history.returnAt'),
            width: 130,
            render: (_, r) => (r.expectedReturnAt ? at(r.expectedReturnAt) : '—'),
          },
          { key: 'note', title: t('whereabouts.history.note'), render: (_, r) => <span style={text}>{r.note ?? ''}</span> },
          {
            key: 'by',
            title: t('whereabouts.history.by'),
            width: 140,
            render: (_, r) => (
              <>
                {r.setByName && <div>{r.setByName}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`whereabouts.sources.${r.source}`)}
                </Typography.Text>
              </>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
