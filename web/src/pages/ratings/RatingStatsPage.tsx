import { Suspense, type ReactNode } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RatingStatsQuery } from '@qinlian/contracts';
import { useCan } from '../../auth/session.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useRatingStats } from './hooks.ts';
import { LazyDepartmentChart, LazyDistributionChart, LazyMonthlyChart } from './LazyCharts.tsx';
import { satisfiedRate, StatsPeopleTable } from './StatsPeopleTable.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A chart card: the chart once its code has arrived, "no ratings" when there is nothing to draw. */
function ChartCard({ title, loading, empty, children }: { title: string; loading: boolean; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card title={title} loading={loading} style={{ height: '100%' }}>
      {empty ? <Empty description={t('ratings.stats.empty')} /> : <Suspense fallback={<Skeleton active />}>{children}</Suspense>}
    </Card>
  );
}

/** 评价统计: the figures of a period (the last 12 months by default) — levels, months, departments and people. */
export function RatingStatsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const date = (k: string) => (DATE.test(params.get(k) ?? '') ? params.get(k)! : undefined);
  const query: RatingStatsQuery = { departmentId: params.get('departmentId') || undefined, from: date('from'), to: date('to') };
  const stats = useRatingStats(query);
  const data = stats.data;
  const total = data?.total;
  const empty = !total || total.count + total.appeals.upheld === 0;
  const rate = total ? satisfiedRate(total) : null;

  const patch = (next: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        for (const [k, v] of Object.entries(next)) {
          if (v) out.set(k, v);
          else out.delete(k);
        }
        return out;
      },
      { replace: true },
    );

  const figure = (title: ReactNode, value: ReactNode, testId: string, suffix?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value as string} suffix={suffix} loading={stats.isLoading} data-testid={testId} />
      </Card>
    </Col>
  );

  return (
    <PageContainer title={t('ratings.stats.title')} subtitle={t('ratings.stats.subtitle')}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        {can('org.read') && (
          <DepartmentTreeSelect
            value={query.departmentId ?? null}
            onChange={(v) => patch({ departmentId: typeof v === 'string' ? v : undefined })}
            placeholder={t('ratings.stats.allDepartments')}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="rating-stats-department"
          />
        )}
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          placeholder={[t('ratings.stats.rangeFrom'), t('ratings.stats.rangeTo')]}
          onChange={(range) => patch({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          style={{ maxWidth: '100%' }}
          data-testid="rating-stats-range"
        />
        {data && (
          <Typography.Text type="secondary" data-testid="rating-stats-period">
            {t('ratings.stats.period', { from: data.from, to: data.to })}
          </Typography.Text>
        )}
      </Flex>
      {stats.isError && (
        <Alert type="error" showIcon title={t('ratings.stats.loadFailed')} description={stats.error.message} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {figure(t('ratings.stats.count'), total?.count ?? 0, 'rating-stats-count')}
        {figure(
          t('ratings.stats.average'),
          total?.average == null ? t('ratings.stats.noValue') : total.average.toFixed(2),
          'rating-stats-average',
        )}
        {figure(
          t('ratings.stats.satisfied'),
          rate ?? t('ratings.stats.noValue'),
          'rating-stats-satisfied',
          rate === null ? undefined : '%',
        )}
        {figure(t('ratings.stats.bad'), total?.bad ?? 0, 'rating-stats-bad')}
        <Col xs={24} md={16} xl={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={t('ratings.stats.appeals')}
              value={total ? t('ratings.stats.appealsLine', total.appeals) : ''}
              loading={stats.isLoading}
              styles={{ content: { fontSize: 18 } }}
              data-testid="rating-stats-appeals"
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <ChartCard title={t('ratings.stats.distribution')} loading={stats.isLoading} empty={empty}>
            {total && <LazyDistributionChart distribution={total.distribution} />}
          </ChartCard>
        </Col>
        <Col xs={24} lg={14}>
          <ChartCard title={t('ratings.stats.monthly')} loading={stats.isLoading} empty={empty}>
            {data && <LazyMonthlyChart months={data.months} />}
          </ChartCard>
        </Col>
      </Row>
      <div style={{ marginBottom: 16 }}>
        <ChartCard title={t('ratings.stats.byDepartment')} loading={stats.isLoading} empty={!data || data.departments.length === 0}>
          {data && <LazyDepartmentChart departments={data.departments} />}
        </ChartCard>
      </div>
      <Card title={t('ratings.stats.byPerson')}>
        <StatsPeopleTable stats={data} loading={stats.isFetching} />
      </Card>
    </PageContainer>
  );
}
