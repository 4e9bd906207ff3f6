import { Col, Descriptions, Drawer, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@qinlian/contracts';
import { JsonBlock } from '../../../components/JsonBlock.tsx';
import { formatInstant } from '../../../components/time.ts';
import { auditSubject, useAuditLabels } from './useAuditLabels.ts';

/** One audit record in a drawer: who did what to which record, the before / after snapshots and the chain hash. */
export function AuditDetail({ event, onClose }: { event: AuditEvent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  return (
    <Drawer
      open={!!event}
      onClose={onClose}
      size={720}
      title={event ? `#${event.seq} · ${labels.action(event.action)}` : ''}
      data-testid="audit-detail"
      destroyOnHidden
    >
      {event && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('audit.at')}>{formatInstant(event.at)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.actor')}>{event.actorId ? event.actorName : t('audit.system')}</Descriptions.Item>
            <Descriptions.Item label={t('audit.action')}>
              {labels.action(event.action)}{' '}
              <Typography.Text type="secondary" code>
                {event.action}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.entityType')}>
              <Tag>{labels.entity(event.entityType)}</Tag>
              {auditSubject(event)}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.entityId')}>{event.entityId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.ip')}>{event.ip || '—'}</Descriptions.Item>
            <Descriptions.Item label={`${t('audit.hash')} (${event.algorithm})`}>
              <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {event.hash}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                {t('audit.before')}
              </Typography.Text>
              <JsonBlock value={event.before} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                {t('audit.after')}
              </Typography.Text>
              <JsonBlock value={event.after} />
            </Col>
          </Row>
        </>
      )}
    </Drawer>
  );
}
