import { useMemo } from 'react';
import { FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Select, Table, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DispatchSheetStatus, type DispatchSheetSummary } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { useCan, useCurrentUser } from '../../auth/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { serverPagination } from '../../components/serverPagination.ts';
import { PlanChooser } from '../../domain/plan/PlanChooser.tsx';
import { useCurrentPlan } from '../../domain/plan/usePlan.ts';
import { useDispatchSheets, useDraftSheet } from './hooks.ts';
import { sheetColumns } from './sheetColumns.tsx';

const STATUSES = DispatchSheetStatus.options;

/** 一周一调度: this week's sheet first (open it, or draft it), then every sheet by week, newest first. */
export function DispatchSheetsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const { plan, plans, choose } = useCurrentPlan();
  const status = STATUSES.includes(params.get('status') as DispatchSheetStatus) ? (params.get('status') as DispatchSheetStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const list = useDispatchSheets({ planId: plan?.id, status, page, pageSize }, !!plan);
  const columns = useMemo(() => sheetColumns(t, phone), [t, phone]);

  const patch = (next: Record<string, string | number | undefined>) =>
    setParams(
      () => {
        const p = new URLSearchParams(window.location.search);
        for (const [k, v] of Object.entries(next)) {
          if (v === undefined || v === '') p.delete(k);
          else p.set(k, String(v));
        }
        if (!('page' in next)) p.delete('page');
        return p;
      },
      { replace: true },
    );

  return (
    <PageContainer
      title={t('dispatch.title')}
      subtitle={t('dispatch.subtitle')}
      extra={<PlanChooser plan={plan} plans={plans} choose={choose} testId="dispatch-plan" />}
    >
      {plan && list.data && (
        <ThisWeek planId={plan.id} page={list.data} canDraft={can('dispatch.manage')} onOpen={(id) => void navigate(`/dispatch/${id}`)} />
      )}
      <Card styles={{ body: { paddingTop: 12 } }} style={{ marginTop: 16 }}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select<DispatchSheetStatus>
            allowClear
            placeholder={t('dispatch.statusFilter')}
            value={status}
            onChange={(v) => patch({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`dispatch.statuses.${s}`) }))}
            style={{ width: 140 }}
            data-testid="dispatch-status-filter"
          />
        </Flex>
        {list.isError && <Alert type="error" showIcon title={t('dispatch.loadFailed')} style={{ marginBottom: 12 }} />}
        <Table<DispatchSheetSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          tableLayout={phone ? 'fixed' : undefined}
          locale={{ emptyText: t('dispatch.empty') }}
          onRow={(s) => ({ onDoubleClick: () => void navigate(`/dispatch/${s.id}`) })}
          pagination={serverPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p) =>
            patch({ page: p.page === 1 ? undefined : p.page, pageSize: p.pageSize === 20 ? undefined : p.pageSize }),
          )}
          data-testid="dispatch-table"
        />
      </Card>
    </PageContainer>
  );
}

type ThisWeekProps = {
  planId: string;
  page: NonNullable<ReturnType<typeof useDispatchSheets>['data']>;
  canDraft: boolean;
  onOpen: (id: string) => void;
};

/** 本周: the sheet of my department (or the area's) for this week, or the button that drafts it. */
function ThisWeek({ planId, page, canDraft, onOpen }: ThisWeekProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const draft = useDraftSheet();
  const { week, weekStart, weekEnd } = page.currentWeek;
  const ofWeek = page.items.filter((s) => s.week === week);
  const mine = ofWeek.find((s) => s.departmentId === user.departmentId) ?? ofWeek[0];
  return (
    <Card data-testid="dispatch-this-week">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{t('dispatch.thisWeek', { week, start: weekStart, end: weekEnd })}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{mine ? mine.title : t('dispatch.notDrafted')}</Typography.Text>
          </div>
        </div>
        {mine ? (
          <Button type="primary" icon={<FolderOpenOutlined />} onClick={() => onOpen(mine.id)} data-testid="dispatch-open-this-week">
            {t('dispatch.openThisWeek')}
          </Button>
        ) : (
          canDraft && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              loading={draft.isPending}
              onClick={() =>
                draft.mutate(
                  { planId, week },
                  {
                    onSuccess: (sheet) => {
                      toastSuccess(t('dispatch.drafted'));
                      onOpen(sheet.id);
                    },
                    onError: (err) => toastError(err.message),
                  },
                )
              }
              data-testid="dispatch-draft-this-week"
            >
              {t('dispatch.draftThisWeek')}
            </Button>
          )
        )}
      </Flex>
    </Card>
  );
}
