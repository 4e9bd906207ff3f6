import { useMemo, useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Grid, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MonthlySummaryStatus, type MonthlySummary } from '@qinlian/contracts';
import { useCan } from '../../auth/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { serverPagination } from '../../components/serverPagination.ts';
import { MonthlySummaryDrawer } from './MonthlySummaryDrawer.tsx';
import { monthlyColumns } from './monthlyColumns.tsx';
import { useMonthlySummaries } from './hooks.ts';

const STATUSES = MonthlySummaryStatus.options;

/**
 * 一月一小结: every summary the user may see, newest month first and those waiting for review first —
 * the office opens one to return or accept it; a department opens its own template to fill in.
 */
export function MonthlySummariesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(null);
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : undefined;
  const status = STATUSES.includes(params.get('status') as MonthlySummaryStatus)
    ? (params.get('status') as MonthlySummaryStatus)
    : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const list = useMonthlySummaries({ month, status, page, pageSize });
  const columns = useMemo(() => monthlyColumns(t, phone, (s: MonthlySummary) => setOpenId(s.id)), [t, phone]);
  // the drawer shows the summary as the list now has it, so a review's refetch updates it in place
  const open = list.data?.items.find((s) => s.id === openId) ?? null;

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
      title={t('summaries.monthly.title')}
      subtitle={t('summaries.monthly.subtitle')}
      extra={
        can('summaries.submit') && (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => void navigate('/summaries/monthly/form')}
            data-testid="summary-fill-mine"
          >
            {t('summaries.monthly.fillMine')}
          </Button>
        )
      }
    >
      <Card styles={{ body: { paddingTop: 12 } }}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <DatePicker
            picker="month"
            allowClear
            placeholder={t('summaries.monthly.month')}
            value={month ? dayjs(`${month}-01`) : null}
            onChange={(d) => patch({ month: d ? d.format('YYYY-MM') : undefined })}
            style={{ width: 160 }}
            data-testid="summary-month-filter"
          />
          <Select<MonthlySummaryStatus>
            allowClear
            placeholder={t('summaries.monthly.status')}
            value={status}
            onChange={(v) => patch({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`summaries.statuses.${s}`) }))}
            style={{ width: 140 }}
            data-testid="summary-status-filter"
          />
        </Flex>
        {list.isError && <Alert type="error" showIcon title={t('summaries.loadFailed')} style={{ marginBottom: 12 }} />}
        <Table<MonthlySummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          tableLayout={phone ? 'fixed' : undefined}
          locale={{ emptyText: t('summaries.monthly.empty') }}
          pagination={serverPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p) =>
            patch({ page: p.page === 1 ? undefined : p.page, pageSize: p.pageSize === 20 ? undefined : p.pageSize }),
          )}
          data-testid="summary-table"
        />
      </Card>
      <MonthlySummaryDrawer summary={open} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
