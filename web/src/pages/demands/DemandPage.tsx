import { useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '@qinlian/contracts';
import { DeadlineTag } from '../../domain/time-limits/DeadlineTag.tsx';
import { DemandMarks } from './columns.tsx';
import { DemandActions } from './DemandActions.tsx';
import { DemandFacts } from './DemandFacts.tsx';
import { DemandHistory } from './DemandHistory.tsx';
import { DemandMergeCard } from './DemandMergeCard.tsx';
import { DemandRoutingCard } from './DemandRoutingCard.tsx';
import { DemandStatusTag } from './DemandStatusTag.tsx';
import { DemandStepDialog, type FormStep } from './DemandStepDialog.tsx';
import { useDemand } from './hooks.ts';

function Header({ item, onStep }: { item: DemandDetail; onStep: (s: FormStep) => void }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="demand-header">
      <Flex justify="space-between" gap={12} wrap align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary" copyable style={{ fontFamily: 'ui-monospace, monospace' }} data-testid="demand-code">
              {item.code}
            </Typography.Text>
            <DemandStatusTag status={item.status} />
            <Tag bordered={false}>{t(`demands.kinds.${item.kind}`)}</Tag>
            <DemandMarks d={item} t={t} />
            {item.timer && <DeadlineTag timer={item.timer} />}
          </Flex>
          <Typography.Title level={4} style={{ margin: '8px 0 0', overflowWrap: 'anywhere' }} data-testid="demand-title">
            {item.title}
          </Typography.Title>
        </div>
        <DemandActions item={item} onStep={onStep} />
      </Flex>
    </Card>
  );
}

/**
 * 诉求详情: what was asked and by whom (masked, revealed on a recorded click), the routing suggestion,
 * similar and merged items, the steps the server allows now, and the record of what was done.
 */
export function DemandPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const one = useDemand(id);
  const [step, setStep] = useState<FormStep | null>(null);
  const item = one.data;

  return (
    <div className="page">
      <Link to="/demands" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('demands.back')}
      </Link>
      {one.isError && <Alert type="error" showIcon title={one.error.message} />}
      {one.isLoading && <Spin />}
      {item && (
        <>
          <Header item={item} onStep={setStep} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={14}>
              <DemandFacts item={item} />
            </Col>
            <Col xs={24} lg={10}>
              <Flex vertical gap={16}>
                <DemandRoutingCard item={item} onDispatch={() => setStep('dispatch')} />
                <DemandMergeCard item={item} />
                <DemandHistory item={item} />
              </Flex>
            </Col>
          </Row>
          <DemandStepDialog item={item} step={step} onClose={() => setStep(null)} />
        </>
      )}
    </div>
  );
}
