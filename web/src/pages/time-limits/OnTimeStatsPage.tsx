import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TimeLimitKind, type TimeLimitStatsQuery } from '@qinlian/contracts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useOnTimeStats } from './hooks.ts';
import { OnTimeChart } from './OnTimeChart.tsx';
import { OnTimeFilters } from './OnTimeFilters.tsx';
import { OnTimePeopleTable } from './OnTimePeopleTable.tsx';
import { OUTCOMES } from './outcomes.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters as the URL holds them, so a view can be linked to; anything malformed is left out. */
function useStatsQuery(): [TimeLimitStatsQuery, (next: Record<string, string | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const kind = TimeLimitKind.safeParse(params.get('kind'));
  const date = (k: string) => (DATE.test(params.get(k) ?? '') ? params.get(k)! : undefined);
  const query: TimeLimitStatsQuery = {
    kind: kind.success ? kind.data : undefined,
    departmentId: params.get('departmentId') || undefined,
    from: date('from'),
    to: date('to'),
  };
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
  return [query, patch];
}

/** 按期办结统计: items due in the range by outcome — the total, a bar per department and a row per person handling them. */
export function OnTimeStatsPage() {
  const { t } = useTranslation();
  const [query, patch] = useStatsQuery();
  const stats = useOnTimeStats(query);
  const data = stats.data;
  const rate = data?.total.onTimeRate;

  return (
    <PageContainer title={t('timeLimits.stats.title')} subtitle={t('timeLimits.stats.subtitle')}>
      <OnTimeFilters query={query} onChange={patch} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8} lg={4}>
          <Card size="small">
            <Statistic
              title={t('timeLimits.stats.onTimeRate')}
              value={rate ?? t('timeLimits.stats.noRate')}
              suffix={rate == null ? undefined : '%'}
              loading={stats.isLoading}
              data-testid="on-time-rate"
            />
          </Card>
        </Col>
        {OUTCOMES.map((o) => (
          <Col xs={12} md={8} lg={5} key={o}>
            <Card size="small">
              <Statistic title={t(`timeLimits.stats.${o}`)} value={data?.total[o] ?? 0} loading={stats.isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('timeLimits.stats.byDepartment')}
        extra={data && <Typography.Text type="secondary">{t('timeLimits.stats.asOf', { date: data.today })}</Typography.Text>}
        style={{ marginBottom: 16 }}
        loading={stats.isLoading}
      >
        {data && data.departments.length > 0 ? (
          <OnTimeChart departments={data.departments} />
        ) : (
          <Empty description={t('timeLimits.stats.empty')} />
        )}
      </Card>
      <Card title={t('timeLimits.stats.byPerson')}>
        <OnTimePeopleTable people={data?.people ?? []} loading={stats.isFetching} />
      </Card>
    </PageContainer>
  );
}
