import { Suspense } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarningColor } from '@qinlian/contracts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { WARNINGS } from '../../domain/tasks/labels.ts';
import { PlanChooser, planSpan } from '../../domain/plan/PlanChooser.tsx';
import { useCurrentPlan, useProgrammeLeaders, useRollup } from '../../domain/plan/usePlan.ts';
import { exportPlan } from './hooks.ts';
import { LazyProgressChart, LazyWarningChart } from './LazyCharts.tsx';
import { PlanSummary } from './PlanSummary.tsx';
import { PlanTree } from './PlanTree.tsx';
import { ProgrammeCard } from './ProgrammeCard.tsx';

const chartFallback = <Skeleton active paragraph={{ rows: 5 }} />;

/** 计划总览: the six programmes → measures with weighted progress and colours. */
export function PlanPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { plan, plans, choose, isLoading } = useCurrentPlan();
  const rollup = useRollup(plan?.id);
  const leaders = useProgrammeLeaders(rollup.data);
  const leaderName = new Map(leaders.map((l) => [l.programmeId, l.name]));
  const labels = Object.fromEntries(WARNINGS.map((w) => [w, t(`task.warnings.${w}`)])) as Record<WarningColor, string>;
  const shortLabels = Object.fromEntries(WARNINGS.map((w) => [w, t(`task.warningShort.${w}`)])) as Record<WarningColor, string>;
  const data = rollup.data;

  return (
    <PageContainer
      title={t('plan.title')}
      subtitle={plan ? planSpan(plan) : t('plan.subtitle')}
      extra={
        <>
          <PlanChooser plan={plan} plans={plans} choose={choose} testId="plan-select" />
          {plan && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void exportPlan(plan.id).catch((e: Error) => message.error(e.message))}
              data-testid="plan-export"
            >
              {t('plan.export')}
            </Button>
          )}
        </>
      }
    >
      {!isLoading && !plan && (
        <Card>
          <Empty description={t('plan.noPlan')} />
        </Card>
      )}
      {plan && !data && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {data && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={8}>
              <PlanSummary rollup={data} />
            </Col>
            <Col xs={24} lg={12} xl={8}>
              <Card title={t('plan.progressChart')} style={{ height: '100%' }}>
                <Suspense fallback={chartFallback}>
                  <LazyProgressChart rollup={data} label={t('plan.weightedProgress')} />
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} lg={12} xl={8}>
              <Card title={t('plan.warningChart')} style={{ height: '100%' }}>
                <Suspense fallback={chartFallback}>
                  <LazyWarningChart rollup={data} labels={shortLabels} />
                </Suspense>
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {data.programmes.map((p) => (
              <Col key={p.id} xs={24} md={12} xxl={8}>
                <ProgrammeCard programme={p} leaderName={leaderName.get(p.id) ?? null} labels={labels} />
              </Col>
            ))}
          </Row>
          <Card title={t('plan.tree')}>
            <PlanTree rollup={data} />
          </Card>
        </>
      )}
    </PageContainer>
  );
}
