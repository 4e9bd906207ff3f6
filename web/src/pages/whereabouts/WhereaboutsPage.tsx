import { useMemo, useState } from 'react';
import { Alert, Badge, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useDepartmentParam } from '../../domain/org/useDepartmentParam.ts';
import { useTranslation } from 'react-i18next';
import type { WhereaboutsBoard } from '@qinlian/contracts';
import { useCan, useCurrentUser } from '../../auth/session.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import type { LiveStatus } from '../../domain/live/liveStream.ts';
import { DoorBoardLinkButton } from './DoorBoardLinkButton.tsx';
import { HistoryDrawer } from './HistoryDrawer.tsx';
import { useWhereaboutsBoard, useWhereaboutsLive } from './hooks.ts';
import { MyWhereaboutsPanel } from './MyWhereaboutsPanel.tsx';
import { PersonCard } from './PersonCard.tsx';
import { PlannedAbsences } from './PlannedAbsences.tsx';
import { SetWhereaboutsDialog } from './SetWhereaboutsDialog.tsx';

const LIVE_BADGE: Record<LiveStatus, 'processing' | 'success' | 'warning'> = {
  connecting: 'processing',
  live: 'success',
  reconnecting: 'warning',
};

function Counts({ board }: { board: WhereaboutsBoard }) {
  const { t } = useTranslation();
  return (
    <Flex gap={24} wrap data-testid="whereabouts-counts">
      <Statistic title={t('whereabouts.counts.present')} value={board.counts.present} styles={{ content: { color: '#389e0d' } }} />
      <Statistic title={t('whereabouts.counts.away')} value={board.counts.away} styles={{ content: { color: '#d46b08' } }} />
      <Statistic title={t('whereabouts.counts.total')} value={board.counts.total} />
    </Flex>
  );
}

/** Posts whose A and B are both away: said in red at the top, the same posts marked on the cards. */
function Uncovered({ board }: { board: WhereaboutsBoard }) {
  const { t } = useTranslation();
  if (board.uncoveredPosts.length === 0) return null;
  const who = (name: string | null) => name ?? t('whereabouts.uncovered.vacant');
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="whereabouts-uncovered"
      title={t('whereabouts.uncovered.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {board.uncoveredPosts.map((p) => (
            <li key={p.id} style={{ overflowWrap: 'anywhere' }}>
              {t('whereabouts.uncovered.item', { post: p.name, a: who(p.aPersonName), b: who(p.bPersonName) })}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * 工作人员去向牌 (/whereabouts?departmentId=): my own whereabouts on top, then who of the department
 * is in right now — live — with the posts nobody covers, the registered absences, and the door board.
 * The department is one's own unless a wider data scope picks another (the URL keeps it, so the
 * "post uncovered" notice links straight here).
 */
export function WhereaboutsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const [departmentId, pick] = useDepartmentParam(user.departmentId);
  const board = useWhereaboutsBoard(departmentId);
  const live = useWhereaboutsLive(board.isError ? undefined : departmentId);
  // by id, so that the dialog follows the card as the board refreshes (a conflicting change brings the new version)
  const [editingId, setEditingId] = useState<string | null>(null);
  const [historyId, setHistoryId] = useState<string | null>(null);
  const wider = can('org.read') && user.dataScope !== 'dept' && user.dataScope !== 'self';
  const data = board.data;
  const uncoveredIds = useMemo(() => new Set((data?.uncoveredPosts ?? []).map((p) => p.id)), [data]);
  const personOf = (id: string | null) => (id ? (data?.people.find((p) => p.personId === id) ?? null) : null);
  const candidates = useMemo(
    () => (data?.people ?? []).filter((p) => p.abilities.set).map((p) => ({ personId: p.personId, name: p.personName })),
    [data],
  );

  return (
    <PageContainer title={t('whereabouts.title')} subtitle={t('whereabouts.subtitle')}>
      <MyWhereaboutsPanel hasPerson={!!user.personId} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center" justify="space-between">
          <Flex gap={12} wrap align="center" style={{ minWidth: 0 }}>
            {wider ? (
              <DepartmentTreeSelect
                value={departmentId ?? null}
                onChange={(v) => pick(typeof v === 'string' ? v : null)}
                allowClear={false}
                placeholder={t('whereabouts.pickDepartment')}
                style={{ width: 260, maxWidth: '100%' }}
                data-testid="whereabouts-department"
              />
            ) : (
              <Typography.Title level={5} style={{ margin: 0 }}>
                {data?.departmentName ?? user.departmentName}
              </Typography.Title>
            )}
            {departmentId && !board.isError && (
              <Badge status={LIVE_BADGE[live]} text={t(`whereabouts.live.${live}`)} data-testid="whereabouts-live" data-state={live} />
            )}
          </Flex>
          {data && <Counts board={data} />}
          {departmentId && data && <DoorBoardLinkButton departmentId={departmentId} />}
        </Flex>
      </Card>
      {!departmentId && <Alert type="info" showIcon title={t('whereabouts.noDepartment')} />}
      {board.isError && <Alert type="error" showIcon title={t('whereabouts.loadFailed')} description={board.error.message} />}
      {board.isPending && departmentId && <Skeleton active avatar paragraph={{ rows: 4 }} />}
      {data && (
        <>
          <Uncovered board={data} />
          {data.people.length === 0 ? (
            <Card>
              <Empty description={t('whereabouts.empty')} />
            </Card>
          ) : (
            <Row gutter={[16, 16]} data-testid="whereabouts-board">
              {data.people.map((p) => (
                <Col key={p.personId} xs={24} md={12} xl={8} xxl={6}>
                  <PersonCard
                    person={p}
                    uncoveredPostIds={uncoveredIds}
                    onSet={(p) => setEditingId(p.personId)}
                    onHistory={(p) => setHistoryId(p.personId)}
                  />
                </Col>
              ))}
            </Row>
          )}
          <PlannedAbsences departmentId={data.departmentId} candidates={candidates} myPersonId={user.personId} />
        </>
      )}
      <SetWhereaboutsDialog person={personOf(editingId)} onClose={() => setEditingId(null)} />
      <HistoryDrawer person={personOf(historyId)} onClose={() => setHistoryId(null)} />
    </PageContainer>
  );
}
