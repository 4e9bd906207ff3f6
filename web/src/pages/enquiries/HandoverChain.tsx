import { Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnquiryDetail, EnquiryHandover, EnquiryHandoverStatus } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';

const COLOURS: Record<EnquiryHandoverStatus, string> = { pending: 'orange', accepted: 'green', declined: 'red', cancelled: 'gray' };
const text = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function When({ at }: { at: string | null }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {formatInstant(at)}
    </Typography.Text>
  );
}

function Step({ h }: { h: EnquiryHandover }) {
  const { t } = useTranslation();
  const status = t(`enquiries.chain.statuses.${h.status}`);
  const head =
    h.kind === 'take_back'
      ? t('enquiries.chain.takeBack', { to: h.to.name, from: h.fromName })
      : t('enquiries.chain.offered', { from: h.fromName, kind: t(`enquiries.handover.kinds.${h.to.kind}`), to: h.to.name });
  return (
    <div data-testid="enquiry-chain-step" data-status={h.status} data-kind={h.kind}>
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{head}</Typography.Text>
        <When at={h.createdAt} />
      </Flex>
      {h.note && <div style={text}>{h.note}</div>}
      {h.kind === 'handover' && (
        <Flex gap={6} wrap align="baseline" style={{ marginTop: 2 }}>
          <Tag color={COLOURS[h.status]}>{status}</Tag>
          {h.decidedByName && h.status !== 'pending' && <span>{t('enquiries.chain.decidedBy', { name: h.decidedByName, status })}</span>}
          {h.actingForName && <Tag>{t('enquiries.chain.actingFor', { name: h.actingForName })}</Tag>}
          {h.decidedAt && <When at={h.decidedAt} />}
        </Flex>
      )}
      {h.decisionNote && <div style={{ ...text, color: 'rgba(0,0,0,0.65)' }}>{h.decisionNote}</div>}
    </div>
  );
}

/** 移交记录: registered, every hand-over with how it was decided, the reply and the close — oldest first. */
export function HandoverChain({ enquiry: e }: { enquiry: EnquiryDetail }) {
  const { t } = useTranslation();
  const items = [
    {
      key: 'registered',
      color: 'blue',
      content: (
        <Flex gap={8} wrap align="baseline">
          <Typography.Text strong>{t('enquiries.chain.registered', { name: e.registeredByName })}</Typography.Text>
          <When at={e.createdAt} />
        </Flex>
      ),
    },
    ...e.handovers.map((h) => ({ key: h.id, color: COLOURS[h.status], content: <Step h={h} /> })),
  ];
  if (e.repliedAt)
    items.push({
      key: 'replied',
      color: 'cyan',
      content: (
        <Flex gap={8} wrap align="baseline">
          <Typography.Text strong>
            {t('enquiries.chain.replied', { name: e.repliedByName ?? '', way: e.replyWay ? t(`enquiries.replyWays.${e.replyWay}`) : '' })}
          </Typography.Text>
          <When at={e.repliedAt} />
        </Flex>
      ),
    });
  if (e.closedAt)
    items.push({
      key: 'closed',
      color: 'green',
      content: (
        <Flex gap={8} wrap align="baseline">
          <Typography.Text strong>{t('enquiries.chain.closed')}</Typography.Text>
          <When at={e.closedAt} />
        </Flex>
      ),
    });
  return (
    <div data-testid="enquiry-chain">
      <Timeline items={items} />
    </div>
  );
}
