import { Suspense, useCallback, useState, type ReactNode } from 'react';
import { ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Grid, Row, Select, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DemandAnalysis } from '@qinlian/contracts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatInstant } from '../../components/time.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { ClusterDrawer } from './ClusterDrawer.tsx';
import { ClusterTable } from './ClusterTable.tsx';
import { useAnalysis, useCampaigns } from './hooks.ts';
import { LazyShareChart, LazyWeekChart } from './LazyCharts.tsx';
import { RecomputeDialog } from './RecomputeDialog.tsx';
import { WordCloud } from './WordCloud.tsx';

/** A chart card: the chart once its code has arrived, "nothing to show" when there is nothing to draw. */
function ChartCard({ title, loading, empty, children }: { title: string; loading: boolean; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card title={title} loading={loading} style={{ height: '100%' }}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('demandAnalysis.empty')} />
      ) : (
        <Suspense fallback={<Skeleton active />}>{children}</Suspense>
      )}
    </Card>
  );
}

/** What the figures count: when computed and by whom, the period, and whether the period's demands are in. */
function Scope({ a }: { a: DemandAnalysis }) {
  const { t } = useTranslation();
  const period =
    a.from && a.to
      ? t('demandAnalysis.scopePeriod', { from: a.from, to: a.to })
      : a.from
        ? t('demandAnalysis.scopeFrom', { from: a.from })
        : a.to
          ? t('demandAnalysis.scopeTo', { to: a.to })
          : null;
  return (
    <Flex gap={6} wrap align="center">
      <Typography.Text type="secondary" data-testid="analysis-computed">
        {t('demandAnalysis.computed', { name: a.computedByName, at: formatInstant(a.computedAt) })}
      </Typography.Text>
      {period && <Tag variant="filled">{period}</Tag>}
      {a.includeDemands && <Tag variant="filled">{t('demandAnalysis.scopeDemands')}</Tag>}
    </Flex>
  );
}

/**
 * 汇总分析与论证: a campaign's suggestions as clusters ranked by people and urgency, the word cloud,
 * charts by category, area and week (all as last recomputed), and the cluster drawer where the
 * leadership group evaluates and the office selects the year's livelihood projects. The campaign and
 * the open cluster live in the URL.
 */
export function DemandAnalysisPage() {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const campaigns = useCampaigns();
  const items = campaigns.data?.items ?? [];
  const chosen = params.get('campaign');
  const campaignId = items.find((s) => s.id === chosen)?.id ?? items[0]?.id;
  const analysis = useAnalysis(campaignId);
  const a = analysis.data;
  const [recomputing, setRecomputing] = useState(false);
  const clusterId = params.get('cluster');

  const patch = useCallback(
    (next: Record<string, string | null>) =>
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
      ),
    [setParams],
  );
  const openCluster = useCallback((id: string) => patch({ cluster: id }), [patch]);

  const figure = (title: string, value: number | undefined, testId: string) => (
    <Col xs={12} md={6}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value ?? 0} loading={analysis.isLoading} data-testid={testId} />
      </Card>
    </Col>
  );
  const loading = analysis.isLoading || campaigns.isLoading;

  return (
    <PageContainer
      title={t('demandAnalysis.title')}
      subtitle={t('demandAnalysis.subtitle')}
      extra={
        <>
          <Button icon={<ExportOutlined />} href={`${PUBLIC_BASE}/projects`} target="_blank" data-testid="analysis-public-link">
            {t('demandAnalysis.publicPage')}
          </Button>
          {a?.abilities.recompute && (
            <Button type="primary" icon={<ReloadOutlined />} onClick={() => setRecomputing(true)} data-testid="analysis-recompute">
              {t('demandAnalysis.recompute.button')}
            </Button>
          )}
        </>
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<string>
          value={campaignId}
          onChange={(v) => patch({ campaign: v, cluster: null })}
          placeholder={t('demandAnalysis.campaignPlaceholder')}
          options={items.map((s) => ({ value: s.id, label: s.title }))}
          loading={campaigns.isLoading}
          notFoundContent={t('demandAnalysis.noCampaign')}
          style={{ width: phone ? '100%' : 320 }}
          popupMatchSelectWidth={false}
          aria-label={t('demandAnalysis.campaign')}
          data-testid="analysis-campaign"
        />
        {a?.computedAt && <Scope a={a} />}
      </Flex>
      {campaigns.data && items.length === 0 && <Empty description={t('demandAnalysis.noCampaign')} />}
      {analysis.isError && <Alert type="error" showIcon title={analysis.error.message} style={{ marginBottom: 16 }} />}
      {a && !a.computedAt && <Alert type="info" showIcon title={t('demandAnalysis.notComputed')} style={{ marginBottom: 16 }} />}
      {a?.newSince && (
        <Alert type="warning" showIcon title={t('demandAnalysis.newSince')} style={{ marginBottom: 16 }} data-testid="analysis-new-since" />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {figure(t('demandAnalysis.figures.clusters'), a?.totals.clusters, 'analysis-clusters')}
        {figure(t('demandAnalysis.figures.people'), a?.totals.people, 'analysis-people')}
        {figure(t('demandAnalysis.figures.items'), a?.totals.items, 'analysis-items')}
        {figure(t('demandAnalysis.figures.urgent'), a?.totals.urgent, 'analysis-urgent')}
      </Row>
      {/* the ranking is a wide table: beside the word cloud only on screens wide enough to show them all */}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xxl={16}>
          <Card title={t('demandAnalysis.cards.clusters')} style={{ height: '100%' }}>
            <ClusterTable clusters={a?.clusters ?? []} loading={loading} onOpen={openCluster} />
            {a && a.clusters.length < a.totals.clusters && (
              <Typography.Text type="secondary">
                {t('demandAnalysis.shownOf', { shown: a.clusters.length, total: a.totals.clusters })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <Card title={t('demandAnalysis.cards.words')} loading={loading} style={{ height: '100%' }}>
            <WordCloud words={a?.words ?? []} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ChartCard title={t('demandAnalysis.cards.byCategory')} loading={loading} empty={!a?.byCategory.length}>
            {a && <LazyShareChart figures={a.byCategory} blank={t('demandAnalysis.noCategory')} testId="analysis-category-chart" />}
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('demandAnalysis.cards.byArea')} loading={loading} empty={!a?.byArea.length}>
            {a && <LazyShareChart figures={a.byArea} blank={t('demandAnalysis.noArea')} testId="analysis-area-chart" />}
          </ChartCard>
        </Col>
        <Col xs={24}>
          <ChartCard title={t('demandAnalysis.cards.byWeek')} loading={loading} empty={!a?.byWeek.length}>
            {a && <LazyWeekChart figures={a.byWeek} />}
          </ChartCard>
        </Col>
      </Row>
      {campaignId && <RecomputeDialog solicitationId={campaignId} open={recomputing} onClose={() => setRecomputing(false)} />}
      <ClusterDrawer id={clusterId} onClose={() => patch({ cluster: null })} />
    </PageContainer>
  );
}
