import { useMemo, useState } from 'react';
import { FileAddOutlined, FolderOpenOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Select, Table, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BulletinStatus, type BulletinPage, type BulletinSummary } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { useCan } from '../../auth/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { serverPagination } from '../../components/serverPagination.ts';
import { PlanChooser } from '../../domain/plan/PlanChooser.tsx';
import { useCurrentPlan } from '../../domain/plan/usePlan.ts';
import { bulletinColumns } from './bulletinColumns.tsx';
import { SettingsDrawer } from './SettingsDrawer.tsx';
import { useBulletins, useDraftBulletin } from './hooks.ts';

const STATUSES = BulletinStatus.options;

/** 一季一通报: the latest ended quarter first (open its bulletin, or draft it), then every bulletin, newest first. */
export function BulletinsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const [setting, setSetting] = useState(false);
  const { plan, plans, choose } = useCurrentPlan();
  const status = STATUSES.includes(params.get('status') as BulletinStatus) ? (params.get('status') as BulletinStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useBulletins({ planId: plan?.id, status, page, pageSize: 20 }, !!plan);
  const columns = useMemo(() => bulletinColumns(t, phone), [t, phone]);
  const manage = can('bulletins.manage');

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
      title={t('bulletins.title')}
      subtitle={t('bulletins.subtitle')}
      extra={
        <>
          <PlanChooser plan={plan} plans={plans} choose={choose} testId="bulletins-plan" />
          {manage && plan && (
            <Button icon={<SettingOutlined />} onClick={() => setSetting(true)} data-testid="bulletin-settings-open">
              {t('bulletins.weights.settings')}
            </Button>
          )}
        </>
      }
    >
      {plan && list.data && (
        <LastQuarter planId={plan.id} page={list.data} canDraft={manage} onOpen={(id) => void navigate(`/bulletins/${id}`)} />
      )}
      <Card styles={{ body: { paddingTop: 12 } }} style={{ marginTop: 16 }}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select<BulletinStatus>
            allowClear
            placeholder={t('bulletins.statusFilter')}
            value={status}
            onChange={(v) => patch({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`bulletins.statuses.${s}`) }))}
            style={{ width: 140 }}
            data-testid="bulletin-status-filter"
          />
        </Flex>
        {list.isError && <Alert type="error" showIcon title={t('bulletins.loadFailed')} style={{ marginBottom: 12 }} />}
        <Table<BulletinSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          tableLayout={phone ? 'fixed' : undefined}
          locale={{ emptyText: t('bulletins.empty') }}
          onRow={(b) => ({ onDoubleClick: () => void navigate(`/bulletins/${b.id}`) })}
          pagination={serverPagination(t, { page, pageSize: 20, total: list.data?.total ?? 0 }, (p) =>
            patch({ page: p.page === 1 ? undefined : p.page }),
          )}
          data-testid="bulletin-table"
        />
      </Card>
      {plan && manage && <SettingsDrawer planId={plan.id} open={setting} onClose={() => setSetting(false)} />}
    </PageContainer>
  );
}

type LastQuarterProps = { planId: string; page: BulletinPage; canDraft: boolean; onOpen: (id: string) => void };

/** 最近结束的季度: its bulletin, or the button that drafts it. */
function LastQuarter({ planId, page, canDraft, onOpen }: LastQuarterProps) {
  const { t } = useTranslation();
  const draft = useDraftBulletin();
  const q = page.lastEndedQuarter;
  const mine = page.items.find((b) => b.year === q.year && b.quarter === q.quarter);
  return (
    <Card data-testid="bulletin-last-quarter">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{t('bulletins.lastQuarter', q)}</Typography.Text>
          {mine && (
            <div>
              <Typography.Text type="secondary">{mine.title}</Typography.Text>
            </div>
          )}
        </div>
        {mine ? (
          <Button type="primary" icon={<FolderOpenOutlined />} onClick={() => onOpen(mine.id)} data-testid="bulletin-open-quarter">
            {t('bulletins.openQuarter')}
          </Button>
        ) : (
          canDraft && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              loading={draft.isPending}
              onClick={() =>
                draft.mutate(
                  { planId, year: q.year, quarter: q.quarter },
                  {
                    onSuccess: (b) => {
                      toastSuccess(t('bulletins.drafted'));
                      onOpen(b.id);
                    },
                    onError: (err) => toastError(err.message),
                  },
                )
              }
              data-testid="bulletin-draft-quarter"
            >
              {t('bulletins.draftQuarter')}
            </Button>
          )
        )}
      </Flex>
    </Card>
  );
}
