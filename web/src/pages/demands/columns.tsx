import { Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { DemandSummary } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';
import { DeadlineTag } from '../../domain/time-limits/DeadlineTag.tsx';
import { DemandStatusTag } from './DemandStatusTag.tsx';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12.5, whiteSpace: 'nowrap' } as const;
const none = <Typography.Text type="secondary">—</Typography.Text>;

/** 加急, 已并单 N, 已隐藏: the marks beside an item's title. */
export function DemandMarks({ d, t }: { d: DemandSummary; t: TFunction }) {
  return (
    <>
      {d.urgent && (
        <Tag color="magenta" data-testid="demand-urgent">
          {t('demands.urgent')}
        </Tag>
      )}
      {d.mergedCount > 0 && (
        <Tag color="purple" data-testid="demand-merged-count">
          {t('demands.mergedCount', { count: d.mergedCount })}
        </Tag>
      )}
      {d.mergedIntoId && <Tag>{t('demands.mergedAway')}</Tag>}
      {d.hidden && <Tag>{t('demands.hiddenTag')}</Tag>}
    </>
  );
}

/** The submitter as lists show them: masked by the server (张*, 138****1234). */
export const maskedContact = (d: DemandSummary) => [d.submitterName, d.phone ?? d.email].filter(Boolean).join(' ') || null;

/**
 * The list's columns. On a phone one column holds the item with its code, status, unit and deadline
 * around it; the table scrolls inside itself, never the page. Titles are text, never markup.
 */
export function demandColumns(t: TFunction, phone: boolean): ColumnsType<DemandSummary> {
  return [
    { key: 'code', title: t('demands.fields.code'), hidden: phone, width: 160, render: (_, d) => <span style={mono}>{d.code}</span> },
    {
      key: 'title',
      title: t('demands.fields.title'),
      render: (_, d) => (
        <div style={{ minWidth: phone ? 0 : 240 }}>
          {phone && (
            <Flex align="center" gap={6} wrap style={{ marginBottom: 2 }}>
              <Typography.Text type="secondary" style={mono}>
                {d.code}
              </Typography.Text>
              <DemandStatusTag status={d.status} />
            </Flex>
          )}
          <Link to={`/demands/${d.id}`} data-testid="demand-link" style={{ wordBreak: 'break-word' }}>
            {d.title}
          </Link>
          <div>
            <Tag bordered={false}>{t(`demands.kinds.${d.kind}`)}</Tag>
            <DemandMarks d={d} t={t} />
          </div>
          {phone && (
            <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">
                {[t(`demands.channels.${d.channel}`), d.category, d.departmentName, maskedContact(d)].filter(Boolean).join(' · ')}
              </Typography.Text>
              {d.timer && <DeadlineTag timer={d.timer} />}
            </Flex>
          )}
        </div>
      ),
    },
    { key: 'channel', title: t('demands.fields.channel'), hidden: phone, width: 90, render: (_, d) => t(`demands.channels.${d.channel}`) },
    {
      key: 'status',
      title: t('demands.fields.status'),
      hidden: phone,
      width: 100,
      render: (_, d) => <DemandStatusTag status={d.status} />,
    },
    {
      key: 'category',
      title: t('demands.fields.category'),
      hidden: phone,
      width: 120,
      render: (_, d) =>
        d.category ??
        (d.suggestedCategory ? (
          <Typography.Text type="secondary">{t('demands.suggested', { value: d.suggestedCategory })}</Typography.Text>
        ) : (
          none
        )),
    },
    { key: 'department', title: t('demands.fields.department'), hidden: phone, width: 140, render: (_, d) => d.departmentName ?? none },
    {
      key: 'contact',
      title: t('demands.fields.contact'),
      hidden: phone,
      width: 150,
      render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{maskedContact(d) ?? none}</span>,
    },
    {
      key: 'deadline',
      title: t('demands.fields.deadline'),
      hidden: phone,
      width: 230,
      render: (_, d) => (d.timer ? <DeadlineTag timer={d.timer} /> : none),
    },
    {
      key: 'createdAt',
      title: t('demands.fields.createdAt'),
      hidden: phone,
      width: 170,
      render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(d.createdAt)}</span>,
    },
  ];
}
