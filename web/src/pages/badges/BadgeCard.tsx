import { Avatar, Card, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Badge } from '@qinlian/contracts';
import { formatDate } from '../../components/time.ts';
import { BadgeActions } from './BadgeActions.tsx';
import { BadgeRating } from './BadgeRating.tsx';

const text = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** The posts the person holds, A first, with who stands in (AB岗). */
function Posts({ badge }: { badge: Badge }) {
  const { t } = useTranslation();
  if (badge.posts.length === 0) return <Typography.Text type="secondary">{t('badges.card.noPost')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      {badge.posts.map((p) => (
        <div key={p.id} style={{ overflowWrap: 'anywhere' }}>
          <Tag color={p.role === 'A' ? 'red' : 'default'} style={{ marginInlineEnd: 6 }}>
            {p.role}
          </Tag>
          <Typography.Text>{p.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {p.backupName
              ? t(p.role === 'A' ? 'badges.card.backupOfA' : 'badges.card.backupOfB', { name: p.backupName })
              : t('badges.card.noBackup')}
          </Typography.Text>
        </div>
      ))}
    </Space>
  );
}

/** The code as it is read out (7KQ3-MZ8R-XH2W-5), or why there is none to show. */
function Code({ badge }: { badge: Badge }) {
  const { t } = useTranslation();
  if (!badge.displayCode)
    return (
      <Tooltip title={t('badges.card.notIssuedHint')}>
        <Tag>{t('badges.card.notIssued')}</Tag>
      </Tooltip>
    );
  return (
    <Flex gap={6} align="center" wrap>
      <Typography.Text type="secondary">{t('badges.card.code')}</Typography.Text>
      <Typography.Text code copyable={!badge.revoked} delete={badge.revoked} data-testid="badge-code">
        {badge.displayCode}
      </Typography.Text>
      {badge.revoked && <Tag color="default">{t('badges.card.revoked')}</Tag>}
    </Flex>
  );
}

type Props = { badge: Badge; onEditDuties: (b: Badge) => void; showDepartment?: boolean };

/** 工作牌 on the wall: photo, name, posts and backups, duties, code, rating, and what may be done with it. */
export function BadgeCard({ badge, onEditDuties, showDepartment = false }: Props) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="badge-card" data-person={badge.personId} data-revoked={badge.revoked}>
      <Flex gap={12} align="flex-start">
        <Avatar shape="square" size={72} src={badge.photoUrl ?? undefined} alt={badge.name} style={{ flex: 'none', fontSize: 28 }}>
          {badge.name.slice(0, 1)}
        </Avatar>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Flex justify="space-between" align="flex-start" gap={4}>
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="badge-name">
                {badge.name}
              </Typography.Text>
              {badge.title && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {badge.title}
                </Typography.Text>
              )}
              {showDepartment && <div>{badge.departmentName}</div>}
            </div>
            <BadgeActions badge={badge} onEditDuties={onEditDuties} />
          </Flex>
          <div style={{ marginTop: 6 }}>
            <Posts badge={badge} />
          </div>
        </div>
      </Flex>
      <div style={{ marginTop: 10 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(!badge.shownDuties ? 'badges.card.duties' : badge.duties ? 'badges.card.ownDuties' : 'badges.card.postDuties')}
        </Typography.Text>
        <Typography.Paragraph
          ellipsis={{ rows: 3, expandable: 'collapsible' }}
          style={{ ...text, marginBottom: 8 }}
          type={badge.shownDuties ? undefined : 'secondary'}
          data-testid="badge-duties"
        >
          {badge.shownDuties ?? t('badges.card.noDuties')}
        </Typography.Paragraph>
      </div>
      <Flex vertical gap={6}>
        <Code badge={badge} />
        <Flex justify="space-between" align="center" gap={8} wrap>
          <BadgeRating summary={badge.rating} />
          {badge.issuedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('badges.card.issuedAt', { date: formatDate(badge.issuedAt) })}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
