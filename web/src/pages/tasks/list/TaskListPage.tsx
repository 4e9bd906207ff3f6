import { useMemo, useState } from 'react';
import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, Table, Tabs, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TaskListItem } from '@qinlian/contracts';
import { useCan } from '../../../auth/session.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { serverPagination } from '../../../components/serverPagination.ts';
import { useCurrentPlan, useRollup } from '../../../domain/plan/usePlan.ts';
import { TaskDrawer } from '../edit/TaskDrawer.tsx';
import { exportTasks, useTasks } from '../hooks.ts';
import { taskColumns } from './columns.tsx';
import { GroupChips } from './GroupChips.tsx';
import { TaskFilters } from './TaskFilters.tsx';
import { TABS, useListParams } from './useListParams.ts';

/** 任务清单: preset views, filters, server-side pages, XLSX export of the current filter. */
export function TaskListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const { plan } = useCurrentPlan();
  const rollup = useRollup(plan?.id);
  const defaultTab = can('tasks.handle') && !can('plan.manage') ? 'mine' : 'all';
  const { tab, filter, patch, reset, filtered } = useListParams(defaultTab, plan?.id);
  const tasks = useTasks(filter, !!plan);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  // below antd's md the table keeps to two columns that fit the screen (columns.tsx)
  const phone = Grid.useBreakpoint().md === false;
  const columns = useMemo(() => taskColumns(t, phone), [t, phone]);

  const doExport = async () => {
    setExporting(true);
    try {
      const { page: _p, pageSize: _s, ...rest } = filter;
      await exportTasks(rest);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <PageContainer
      title={t('task.listTitle')}
      subtitle={plan?.name ?? t('task.listSubtitle')}
      extra={
        <>
          {can('plan.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              disabled={!plan}
              data-testid="task-create-button"
            >
              {t('task.create')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void doExport()} loading={exporting} data-testid="task-export-button">
            {t('task.export')}
          </Button>
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={() => void tasks.refetch()} aria-label={t('common.refresh')} />
          </Tooltip>
        </>
      }
    >
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) =>
            patch({ tab: k === defaultTab ? undefined : k, leaderPersonId: undefined, programmeId: undefined, measureId: undefined })
          }
          items={TABS.map((k) => ({ key: k, label: <span data-testid={`task-tab-${k}`}>{t(`task.tabs.${k}`)}</span> }))}
        />
        <GroupChips tab={tab} rollup={rollup.data} programmeId={filter.programmeId} leaderPersonId={filter.leaderPersonId} patch={patch} />
        <TaskFilters filter={filter} rollup={rollup.data} patch={patch} reset={reset} filtered={filtered} />
        <Table<TaskListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tasks.data?.items ?? []}
          loading={tasks.isFetching}
          scroll={phone ? undefined : { x: 1060 }}
          // fixed on a phone: the title column takes what the deadline leaves, and long names break or end in …
          tableLayout={phone ? 'fixed' : undefined}
          onRow={(r) =>
            ({ 'data-testid': 'task-row', 'data-task-id': r.id, 'data-warning': r.warning }) as React.HTMLAttributes<HTMLElement>
          }
          rowClassName={(r) => `task-row task-row-${r.warning}`}
          pagination={{
            ...serverPagination(t, { page: filter.page, pageSize: filter.pageSize, total: tasks.data?.total ?? 0 }, patch),
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => (tasks.data?.totalCapped ? t('task.totalCapped', { total }) : t('common.total', { total })),
          }}
          data-testid="task-table"
        />
      </Card>
      <TaskDrawer
        open={creating}
        task={null}
        planId={plan?.id}
        defaultMeasureId={filter.measureId}
        onClose={() => setCreating(false)}
        onSaved={(task) => {
          setCreating(false);
          void navigate(`/tasks/${task.id}`);
        }}
      />
    </PageContainer>
  );
}
