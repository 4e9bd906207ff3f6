import { useEffect } from 'react';
import { FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ColourCounts } from '../../domain/tasks/ColourCounts.tsx';
import { useCurrentPlan, useRollup } from '../../domain/plan/usePlan.ts';
import { BoardColumns } from './BoardColumns.tsx';
import { BoardFilters } from './BoardFilters.tsx';
import { BoardShowing } from './BoardShowing.tsx';
import { BoardWall } from './BoardWall.tsx';
import { useBoard, type BoardFilter } from './hooks.ts';

/** 挂牌作战: the tagged items by status and colour; `?wall=1` is the big-screen view. */
export function BoardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { plan } = useCurrentPlan();
  const rollup = useRollup(plan?.id);
  const wall = params.get('wall') === '1';
  const filter: BoardFilter = {
    planId: plan?.id,
    programmeId: params.get('programmeId') || undefined,
    departmentId: params.get('departmentId') || undefined,
    leaderPersonId: params.get('leaderPersonId') || undefined,
  };
  const board = useBoard(filter, !!plan);

  const set = (next: Record<string, string | undefined>) =>
    setParams(
      () => {
        const p = new URLSearchParams(window.location.search); // live URL: see useListParams
        for (const [k, v] of Object.entries(next)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );

  const toggleWall = (on: boolean) => {
    set({ wall: on ? '1' : undefined });
    if (on) document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };

  // Esc leaves the wall (the browser's own full screen ends on Esc by itself).
  useEffect(() => {
    if (!wall) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setParams(
        () => {
          const p = new URLSearchParams(window.location.search);
          p.delete('wall');
          return p;
        },
        { replace: true },
      );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wall, setParams]);

  if (wall) return <BoardWall board={board.data} planName={plan?.name} updatedAt={board.dataUpdatedAt} onExit={() => toggleWall(false)} />;

  return (
    <PageContainer
      title={t('board.title')}
      subtitle={t('board.subtitle')}
      extra={
        <>
          <Typography.Text type="secondary" style={{ alignSelf: 'center', fontSize: 12 }}>
            {board.dataUpdatedAt ? t('board.updatedAt', { time: dayjs(board.dataUpdatedAt).format('HH:mm:ss') }) : ''}
          </Typography.Text>
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void board.refetch()}
              loading={board.isFetching}
              aria-label={t('common.refresh')}
            />
          </Tooltip>
          <Button type="primary" icon={<FullscreenOutlined />} onClick={() => toggleWall(true)} data-testid="board-wall-toggle">
            {t('board.wall')}
          </Button>
        </>
      }
    >
      <Card styles={{ body: { padding: 12 } }} style={{ marginBottom: 12 }}>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <BoardFilters filter={filter} rollup={rollup.data} onChange={(next) => set(next)} />
          {board.data && (
            <Flex gap={16} align="center" wrap>
              <Typography.Text type="secondary">{t('board.total', { count: board.data.total })}</Typography.Text>
              <BoardShowing board={board.data} />
              <ColourCounts colours={board.data.counts.byWarning} />
            </Flex>
          )}
        </Flex>
      </Card>
      {board.data ? (
        <BoardColumns board={board.data} />
      ) : (
        <Card>
          <Skeleton active />
        </Card>
      )}
    </PageContainer>
  );
}
