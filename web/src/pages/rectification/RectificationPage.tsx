import { useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Grid, Row, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Rectification } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';
import { Deadline } from './Deadline.tsx';
import { useRectification } from './hooks.ts';
import { RectificationHistory, RectificationRevisits } from './RectificationHistory.tsx';
import { RectificationStatusTag } from './RectificationStatusTag.tsx';
import { StepDialog, type Step } from './StepDialog.tsx';

const STEPS: Step[] = ['assign', 'submit', 'revisit', 'verify', 'return'];

/** One 整改 item: what was found, the deadline, the department's answer, the steps the server allows now, history and revisits. */
export function RectificationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const one = useRectification(id);
  const [step, setStep] = useState<Step | null>(null);
  const item = one.data;

  return (
    <div className="page">
      <Link to="/rectifications" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('rectification.back')}
      </Link>
      {one.isError && <Alert type="error" showIcon title={(one.error as Error).message} />}
      {one.isLoading && <Spin />}
      {item && (
        <>
          <Header item={item} onStep={setStep} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={14}>
              <Facts item={item} />
            </Col>
            <Col xs={24} lg={10}>
              <Flex vertical gap={16}>
                <RectificationRevisits item={item} />
                <RectificationHistory item={item} />
              </Flex>
            </Col>
          </Row>
          <StepDialog item={item} step={step} onClose={() => setStep(null)} />
        </>
      )}
    </div>
  );
}

function Header({ item, onStep }: { item: Rectification; onStep: (s: Step) => void }) {
  const { t } = useTranslation();
  const allowed = STEPS.filter((s) => item.abilities[s]);
  const waitsForRevisit = item.status === 'submitted' && item.source === 'bad_review' && !item.revisited && item.abilities.revisit;
  return (
    <Card>
      <Flex justify="space-between" gap={12} wrap align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontFamily: 'ui-monospace, monospace' }}>
              {item.code}
            </Typography.Text>
            <RectificationStatusTag status={item.status} />
            {item.revisited && <Tag color="cyan">{t('rectification.revisited')}</Tag>}
            <Deadline item={item} />
          </Flex>
          <Typography.Title level={4} style={{ margin: '8px 0 0', overflowWrap: 'anywhere' }} data-testid="rectification-title">
            {item.title}
          </Typography.Title>
        </div>
        {allowed.length > 0 && (
          <Flex gap={8} wrap>
            {allowed.map((s) => (
              <Button
                key={s}
                type={s === 'verify' || s === 'submit' ? 'primary' : 'default'}
                danger={s === 'return'}
                onClick={() => onStep(s)}
                data-testid={`rectification-${s}`}
              >
                {t(`rectification.actions.${s}`)}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
      {waitsForRevisit && <Alert type="info" showIcon title={t('rectification.revisitFirst')} style={{ marginTop: 12 }} />}
    </Card>
  );
}

function Facts({ item }: { item: Rectification }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const pre = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;
  return (
    <Card>
      <Descriptions column={phone ? 1 : 2} size="small" data-testid="rectification-facts">
        <Descriptions.Item label={t('rectification.fields.source')}>{t(`rectification.sources.${item.source}`)}</Descriptions.Item>
        <Descriptions.Item label={t('rectification.fields.department')}>{item.departmentName}</Descriptions.Item>
        <Descriptions.Item label={t('rectification.fields.person')}>{item.personName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('rectification.fields.owner')}>{item.ownerName ?? t('rectification.noOwner')}</Descriptions.Item>
        <Descriptions.Item label={t('rectification.fields.createdAt')}>{formatInstant(item.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('rectification.fields.detail')} span={phone ? 1 : 2}>
          <div style={pre}>{item.detail}</div>
        </Descriptions.Item>
        {item.resolution && (
          <Descriptions.Item label={t('rectification.fields.resolution')} span={phone ? 1 : 2}>
            <Tag>{t(`rectification.resolutions.${item.resolution}`)}</Tag>
            <div style={pre} data-testid="rectification-resolution">
              {item.resolutionNote}
            </div>
          </Descriptions.Item>
        )}
        {item.attachmentRef && (
          <Descriptions.Item label={t('rectification.fields.attachmentRef')} span={phone ? 1 : 2}>
            <span style={pre}>{item.attachmentRef}</span>
          </Descriptions.Item>
        )}
        {item.submittedAt && (
          <Descriptions.Item label={t('rectification.fields.submittedAt')}>{formatInstant(item.submittedAt)}</Descriptions.Item>
        )}
        {item.closedAt && <Descriptions.Item label={t('rectification.fields.closedAt')}>{formatInstant(item.closedAt)}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
