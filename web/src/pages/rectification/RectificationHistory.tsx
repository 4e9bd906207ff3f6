import { Card, Empty, Flex, List, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rectification, RectificationAction, RevisitOutcome } from '@qinlian/contracts';
import { formatDate, formatInstant } from '../../components/time.ts';

const COLOURS: Record<RectificationAction, string> = {
  open: 'blue',
  assign: 'purple',
  submit: 'cyan',
  verify: 'green',
  return: 'red',
  revisit: 'geekblue',
  withdraw: 'gray',
};
const OUTCOME_COLOURS: Record<RevisitOutcome, string> = { satisfied: 'success', unsatisfied: 'error', unreachable: 'default' };

/** 整改记录: who did what and when, newest first; notes and markup shown as the text they are. */
export function RectificationHistory({ item }: { item: Rectification }) {
  const { t } = useTranslation();
  const items = [...item.events].reverse().map((e) => ({
    key: e.id,
    color: COLOURS[e.action],
    content: (
      <div data-testid="rectification-event" data-action={e.action}>
        <Flex gap={8} wrap align="baseline">
          <Typography.Text strong>{t(`rectification.events.${e.action}`)}</Typography.Text>
          <Typography.Text>{e.actorName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatInstant(e.at)}
          </Typography.Text>
        </Flex>
        {e.ownerName && <div>{t('rectification.assignedTo', { name: e.ownerName })}</div>}
        {e.note && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.note}</div>}
        {e.attachmentRef && (
          <Typography.Text type="secondary">
            {t('rectification.fields.attachmentRef')}：{e.attachmentRef}
          </Typography.Text>
        )}
      </div>
    ),
  }));
  return (
    <Card title={t('rectification.history')} data-testid="rectification-history">
      <Timeline items={items} />
    </Card>
  );
}

/** 回访记录: when, how, whom (masked unless the reader may verify), the outcome and what was said. */
export function RectificationRevisits({ item }: { item: Rectification }) {
  const { t } = useTranslation();
  return (
    <Card title={t('rectification.revisits')} data-testid="rectification-revisits">
      {item.revisits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rectification.noRevisits')} />
      ) : (
        <List
          dataSource={item.revisits}
          renderItem={(v) => (
            <List.Item key={v.id} data-testid="rectification-revisit">
              <div style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{formatDate(v.revisitedOn)}</Typography.Text>
                  <Tag>{t(`rectification.ways.${v.way}`)}</Tag>
                  <Tag color={OUTCOME_COLOURS[v.outcome]}>{t(`rectification.outcomes.${v.outcome}`)}</Tag>
                  {(v.contactName || v.contactPhone) && (
                    <Typography.Text>{[v.contactName, v.contactPhone].filter(Boolean).join(' ')}</Typography.Text>
                  )}
                </Flex>
                {v.note && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{v.note}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('rectification.revisitBy', { name: v.byName })} · {formatInstant(v.createdAt)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
