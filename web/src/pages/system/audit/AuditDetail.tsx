import { Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@qinlian/contracts';
import { JsonBlock } from '../../../components/JsonBlock.tsx';

/** The expanded row: before / after snapshots and the chain hash. */
export function AuditDetail({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: '4px 8px' }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {t('audit.before')}
          </Typography.Text>
          <JsonBlock value={event.before} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {t('audit.after')}
          </Typography.Text>
          <JsonBlock value={event.after} />
        </Col>
      </Row>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('audit.entityId')}>{event.entityId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={`${t('audit.hash')} (${event.algorithm})`}>
          <Typography.Text code copyable style={{ fontSize: 12 }}>
            {event.hash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
