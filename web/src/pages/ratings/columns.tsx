import { Button, Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Rating } from '@qinlian/contracts';
import { AppealTag, ScoreTag } from './ScoreTag.tsx';

/** The 整改 a bad review opened: its code (to the item) and where it stands. */
export function RectificationLink({ r, t }: { r: Rating; t: TFunction }) {
  if (!r.rectification) return r.bad ? <Typography.Text type="secondary">{t('ratings.drawer.noRectification')}</Typography.Text> : null;
  return (
    <Flex gap={6} align="center" wrap>
      <Link to={`/rectifications/${r.rectification.id}`} data-testid="rating-rectification-link" onClick={(e) => e.stopPropagation()}>
        {r.rectification.code}
      </Link>
      <Tag style={{ marginInlineEnd: 0 }}>{t(`ratings.rectificationStatuses.${r.rectification.status}`)}</Tag>
    </Flex>
  );
}

/** The list's columns; on a phone the person, score and date only, the rest in the drawer. */
export function ratingColumns(t: TFunction, phone: boolean, open: (id: string) => void): ColumnsType<Rating> {
  const all: ColumnsType<Rating> = [
    { title: t('ratings.fields.ratedOn'), dataIndex: 'ratedOn', key: 'ratedOn', width: 110 },
    {
      title: t('ratings.fields.person'),
      key: 'person',
      render: (_, r) => (
        <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <Typography.Text strong>{r.personName}</Typography.Text>
          {phone && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{r.departmentName}</div>}
          {phone && r.comment && (
            <Typography.Paragraph ellipsis={{ rows: 2 }} type="secondary" style={{ margin: 0, fontSize: 12, overflowWrap: 'anywhere' }}>
              {r.comment}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    { title: t('ratings.fields.department'), dataIndex: 'departmentName', key: 'department' },
    { title: t('ratings.fields.source'), key: 'source', render: (_, r) => t(`ratings.sources.${r.source}`) },
    { title: t('ratings.fields.score'), key: 'score', render: (_, r) => <ScoreTag score={r.score} /> },
    {
      title: t('ratings.fields.comment'),
      key: 'comment',
      width: 280,
      render: (_, r) =>
        r.comment ? (
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {r.comment}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('ratings.drawer.noComment')}</Typography.Text>
        ),
    },
    { title: t('ratings.fields.rectification'), key: 'rectification', render: (_, r) => <RectificationLink r={r} t={t} /> },
    { title: t('ratings.fields.appeal'), key: 'appeal', render: (_, r) => (r.bad ? <AppealTag state={r.appealState} /> : null) },
    {
      key: 'open',
      fixed: phone ? undefined : 'right',
      width: phone ? 64 : undefined,
      render: (_, r) => (
        <Button
          size="small"
          type="link"
          onClick={(e) => {
            e.stopPropagation();
            open(r.id);
          }}
          data-testid="rating-open"
        >
          {t('ratings.actions.view')}
        </Button>
      ),
    },
  ];
  if (!phone) return all;
  const keep = new Set(['person', 'score', 'open']);
  return all.filter((c) => keep.has(String(c.key)));
}
