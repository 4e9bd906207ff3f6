import { Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { RectificationItem } from '@qinlian/contracts';
import { Deadline } from './Deadline.tsx';
import { RectificationStatusTag } from './RectificationStatusTag.tsx';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12.5, whiteSpace: 'nowrap' } as const;

/**
 * The list's columns. On a phone (`phone`) one column holds the item with its code, status,
 * department and deadline around it; the rest is on the item's page. An overdue item's code is red.
 */
export function rectificationColumns(t: TFunction, phone: boolean): ColumnsType<RectificationItem> {
  return [
    {
      key: 'code',
      title: t('rectification.columns.code'),
      hidden: phone,
      width: 128,
      render: (_, r) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined} style={mono}>
          {r.code}
        </Typography.Text>
      ),
    },
    {
      key: 'title',
      title: t('rectification.columns.title'),
      render: (_, r) => (
        <div style={{ minWidth: phone ? 0 : 220 }}>
          {phone && (
            <Flex align="center" gap={6} wrap style={{ marginBottom: 2 }}>
              <Typography.Text type={r.overdue ? 'danger' : 'secondary'} style={mono}>
                {r.code}
              </Typography.Text>
              <RectificationStatusTag status={r.status} />
            </Flex>
          )}
          <Link to={`/rectifications/${r.id}`} data-testid="rectification-link" style={{ wordBreak: 'break-word' }}>
            {r.title}
          </Link>
          <div>
            <Tag bordered={false} style={{ marginInlineEnd: 6 }}>
              {t(`rectification.sources.${r.source}`)}
            </Tag>
            {phone && <Typography.Text type="secondary">{r.departmentName}</Typography.Text>}
            {!phone && r.personName && <Typography.Text type="secondary">{r.personName}</Typography.Text>}
          </div>
          {phone && (
            <div style={{ marginTop: 4 }}>
              <Deadline item={r} />
            </div>
          )}
        </div>
      ),
    },
    { key: 'department', title: t('rectification.columns.department'), hidden: phone, width: 160, dataIndex: 'departmentName' },
    {
      key: 'owner',
      title: t('rectification.columns.owner'),
      hidden: phone,
      width: 110,
      render: (_, r) => r.ownerName ?? '—',
    },
    {
      key: 'status',
      title: t('rectification.columns.status'),
      hidden: phone,
      width: 150,
      render: (_, r) => (
        <Flex gap={4} wrap>
          <RectificationStatusTag status={r.status} />
          {r.revisited && <Tag color="cyan">{t('rectification.revisited')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'deadline',
      title: t('rectification.columns.deadline'),
      hidden: phone,
      width: 230,
      render: (_, r) => <Deadline item={r} />,
    },
  ];
}
