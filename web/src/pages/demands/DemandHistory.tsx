import { Card, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';

/** 办理记录: who did what and when, newest first; notes shown as the text they are. */
export function DemandHistory({ item }: { item: DemandDetail }) {
  const { t } = useTranslation();
  const items = [...item.events].reverse().map((e) => ({
    key: e.id,
    color: e.kind === 'reject' || e.kind === 'sendBack' || e.kind === 'hidden' ? 'gray' : e.kind === 'urge' ? 'red' : undefined,
    content: (
      <div data-testid="demand-event" data-kind={e.kind}>
        <Flex gap={8} wrap align="baseline">
          <Typography.Text strong>{t(`demands.events.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>
          {e.personName && <Typography.Text>{e.personName}</Typography.Text>}
          {e.departmentName && <Typography.Text type="secondary">{e.departmentName}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatInstant(e.at)}
          </Typography.Text>
        </Flex>
        {e.note && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.note}</div>}
      </div>
    ),
  }));
  return (
    <Card title={t('demands.history')} data-testid="demand-history">
      <Timeline items={items} />
    </Card>
  );
}
