import { Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { EnquirySummary } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';
import { DeadlineTag } from '../../domain/time-limits/DeadlineTag.tsx';
import { EnquiryStatusTag } from './EnquiryStatusTag.tsx';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12.5, whiteSpace: 'nowrap' } as const;

/** Who owns it, and for whom when B holds it for A. */
export function OwnerLine({ e, t }: { e: EnquirySummary; t: TFunction }) {
  return (
    <span>
      {e.ownerName}
      {e.actingForName && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>
          {t('enquiries.actingFor', { name: e.actingForName })}
        </Typography.Text>
      )}
    </span>
  );
}

/**
 * The desk's columns. On a phone one column holds the enquiry with its code, status, owner and
 * deadline around it; the table scrolls inside itself, never the page. Subjects are text, never markup.
 */
export function enquiryColumns(t: TFunction, phone: boolean, open: (id: string) => void): ColumnsType<EnquirySummary> {
  return [
    { key: 'code', title: t('enquiries.fields.code'), hidden: phone, width: 150, render: (_, e) => <span style={mono}>{e.code}</span> },
    {
      key: 'subject',
      title: t('enquiries.fields.subject'),
      render: (_, e) => (
        <div style={{ minWidth: phone ? 0 : 220 }}>
          {phone && (
            <Flex align="center" gap={6} wrap style={{ marginBottom: 2 }}>
              <Typography.Text type="secondary" style={mono}>
                {e.code}
              </Typography.Text>
              <EnquiryStatusTag status={e.status} />
            </Flex>
          )}
          <Typography.Link onClick={() => open(e.id)} data-testid="enquiry-link" style={{ wordBreak: 'break-word' }}>
            {e.subject}
          </Typography.Link>
          <div>
            <Tag bordered={false} style={{ marginInlineEnd: 6 }}>
              {t(`enquiries.channels.${e.channel}`)}
            </Tag>
            <Typography.Text type="secondary">{e.enquirerName}</Typography.Text>
          </div>
          {phone && (
            <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
              <OwnerLine e={e} t={t} />
              {e.timer && <DeadlineTag timer={e.timer} />}
            </Flex>
          )}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('enquiries.statusFilter'),
      hidden: phone,
      width: 150,
      render: (_, e) => (
        <div>
          <EnquiryStatusTag status={e.status} />
          {e.pendingTo && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('enquiries.pendingTo', { name: e.pendingTo.name })}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'owner',
      title: t('enquiries.fields.owner'),
      hidden: phone,
      width: 180,
      render: (_, e) => (
        <div>
          <OwnerLine e={e} t={t} />
          <div>
            <Typography.Text type="secondary">{e.departmentName}</Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'deadline',
      title: t('enquiries.fields.deadline'),
      hidden: phone,
      width: 230,
      render: (_, e) => (e.timer ? <DeadlineTag timer={e.timer} /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      key: 'createdAt',
      title: t('enquiries.fields.createdAt'),
      hidden: phone,
      width: 170,
      render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(e.createdAt)}</span>,
    },
  ];
}
