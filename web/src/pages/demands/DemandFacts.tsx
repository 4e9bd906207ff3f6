import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Grid, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '@qinlian/contracts';
import { toastError } from '../../app/feedback.ts';
import { formatInstant } from '../../components/time.ts';
import { DeadlineTag } from '../../domain/time-limits/DeadlineTag.tsx';
import { DemandContactLine } from './DemandContactLine.tsx';
import { downloadAttachment } from './hooks.ts';

const pre = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;
const none = <Typography.Text type="secondary">—</Typography.Text>;

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** What was asked, by whom (masked), where, under which time limit; the answer; the files that came with it. */
export function DemandFacts({ item }: { item: DemandDetail }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const f = (k: string) => t(`demands.fields.${k}`);
  const wide = phone ? 1 : 2;
  return (
    <Card>
      <Descriptions
        column={wide}
        size="small"
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="demand-facts"
        items={[
          { key: 'kind', label: f('kind'), children: t(`demands.kinds.${item.kind}`) },
          { key: 'channel', label: f('channel'), children: t(`demands.channels.${item.channel}`) },
          { key: 'category', label: f('category'), children: item.category ?? none },
          { key: 'department', label: f('department'), children: item.departmentName ?? none },
          { key: 'createdAt', label: f('createdAt'), children: formatInstant(item.createdAt) },
          { key: 'deadline', label: f('deadline'), children: item.timer ? <DeadlineTag timer={item.timer} /> : none },
          { key: 'contact', label: f('contact'), span: wide, children: <DemandContactLine item={item} /> },
          { key: 'address', label: f('address'), span: wide, children: item.address ? <span style={pre}>{item.address}</span> : none },
          ...(item.sentBackCount > 0 || item.reopenedCount > 0
            ? [
                {
                  key: 'counts',
                  label: f('rounds'),
                  span: wide,
                  children: t('demands.rounds', { sentBack: item.sentBackCount, reopened: item.reopenedCount }),
                },
              ]
            : []),
          ...(item.rating !== null
            ? [
                {
                  key: 'rating',
                  label: f('rating'),
                  span: wide,
                  children: (
                    <span style={pre} data-testid="demand-rating">
                      {t(`demands.levels.${item.rating}`)}
                      {item.ratingComment && `：${item.ratingComment}`}
                    </span>
                  ),
                },
              ]
            : []),
          ...(item.hiddenReason
            ? [{ key: 'hidden', label: f('hiddenReason'), span: wide, children: <span style={pre}>{item.hiddenReason}</span> }]
            : []),
        ]}
      />
      <Typography.Title level={5}>{f('body')}</Typography.Title>
      <Typography.Paragraph style={pre} data-testid="demand-body-text">
        {item.body}
      </Typography.Paragraph>
      {item.reply !== null && (
        <>
          <Typography.Title level={5}>
            {f('reply')}
            {item.repliedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
                {formatInstant(item.repliedAt)}
              </Typography.Text>
            )}
          </Typography.Title>
          <Typography.Paragraph style={pre} data-testid="demand-reply-text">
            {item.reply}
          </Typography.Paragraph>
        </>
      )}
      {item.attachments.length > 0 && (
        <>
          <Typography.Title level={5}>{f('attachments')}</Typography.Title>
          <List
            size="small"
            dataSource={item.attachments}
            renderItem={(a) => (
              <List.Item key={a.id} data-testid="demand-attachment">
                <Button
                  type="link"
                  icon={<PaperClipOutlined />}
                  style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', overflowWrap: 'anywhere' }}
                  onClick={() => void downloadAttachment(item.id, a.id, a.originalName).catch((err: Error) => toastError(err.message))}
                >
                  {a.originalName}
                </Button>
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {size(a.bytes)}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
