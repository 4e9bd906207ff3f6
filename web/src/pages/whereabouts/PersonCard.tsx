import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WhereaboutsBoardEntry } from '@qinlian/contracts';
import { shanghaiMonthDay, shanghaiTime } from '../../domain/whereabouts/returnText.ts';
import { isAway } from '../../domain/whereabouts/states.ts';
import { ReturnText } from './ReturnText.tsx';
import { StateTag } from './StateTag.tsx';

const text = { overflowWrap: 'anywhere' } as const;

type Props = {
  person: WhereaboutsBoardEntry;
  /** posts of the department with nobody at work (A and B both away) */
  uncoveredPostIds: ReadonlySet<string>;
  onSet: (p: WhereaboutsBoardEntry) => void;
  onHistory: (p: WhereaboutsBoardEntry) => void;
};

/** Who set the state, and when (a planned absence says so). */
function SetBy({ person }: { person: WhereaboutsBoardEntry }) {
  const { t, i18n } = useTranslation();
  if (!person.setAt) return null;
  const time = `${shanghaiMonthDay(person.setAt, i18n.language)} ${shanghaiTime(person.setAt)}`;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {person.source === 'planned' || !person.setByName
        ? t('whereabouts.card.setByPlan', { time })
        : t('whereabouts.card.setBy', { name: person.setByName, time })}
    </Typography.Text>
  );
}

/** One person on the department overview: photo, name, posts (A/B, uncovered ones red), state, place, return, backup. */
export function PersonCard({ person, uncoveredPostIds, onSet, onHistory }: Props) {
  const { t } = useTranslation();
  const away = isAway(person.state);
  const flagged = person.posts.some((p) => uncoveredPostIds.has(p.id));
  // nobody acting matters only for someone who holds an A post (AB岗)
  const holdsA = person.posts.some((p) => p.role === 'A');
  return (
    <Card
      size="small"
      style={{ height: '100%', borderColor: flagged ? '#ff4d4f' : undefined }}
      data-testid="whereabouts-person"
      data-person-id={person.personId}
      data-state={person.state}
    >
      <Flex gap={12} align="flex-start">
        <Avatar
          shape="square"
          size={64}
          src={person.photoUrl ?? undefined}
          alt={person.personName}
          style={{ flex: 'none', fontSize: 26, filter: away ? 'grayscale(0.7)' : undefined }}
        >
          {Array.from(person.personName)[0]}
        </Avatar>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Flex justify="space-between" align="flex-start" gap={4}>
            <div style={{ minWidth: 0, ...text }}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {person.personName}
              </Typography.Text>
              {person.title && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {person.title}
                </Typography.Text>
              )}
            </div>
            <Flex gap={4} style={{ flex: 'none' }}>
              {person.abilities.history && (
                <Tooltip title={t('whereabouts.card.history')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<HistoryOutlined />}
                    aria-label={t('whereabouts.card.history')}
                    onClick={() => onHistory(person)}
                    data-testid={`whereabouts-history-${person.personId}`}
                  />
                </Tooltip>
              )}
              {person.abilities.set && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => onSet(person)}
                  data-testid={`whereabouts-set-${person.personId}`}
                >
                  {t('whereabouts.card.set')}
                </Button>
              )}
            </Flex>
          </Flex>
          <Flex gap={4} wrap>
            {person.posts.length === 0 && <Typography.Text type="secondary">{t('whereabouts.card.noPost')}</Typography.Text>}
            {person.posts.map((p) => (
              <Tag
                key={`${p.id}-${p.role}`}
                color={uncoveredPostIds.has(p.id) ? 'red' : p.role === 'A' ? 'volcano' : 'default'}
                style={{ marginInlineEnd: 0, whiteSpace: 'normal', ...text }}
                data-testid={uncoveredPostIds.has(p.id) ? 'whereabouts-post-uncovered' : undefined}
              >
                {p.role} · {p.name}
                {uncoveredPostIds.has(p.id) && ` · ${t('whereabouts.uncovered.tag')}`}
              </Tag>
            ))}
          </Flex>
          <Flex gap={8} wrap align="center">
            <StateTag state={person.state} testId="whereabouts-person-state" />
            {person.place && <Typography.Text style={text}>{person.place}</Typography.Text>}
            <Typography.Text type={away ? 'warning' : 'secondary'}>
              <ReturnText state={person.state} expectedReturnAt={person.expectedReturnAt} testId="whereabouts-person-return" />
            </Typography.Text>
          </Flex>
          {away && (person.actingPersonName || holdsA) && (
            <Typography.Text type={person.actingPersonName ? undefined : 'danger'} data-testid="whereabouts-person-acting">
              {person.actingPersonName ? t('whereabouts.acting', { name: person.actingPersonName }) : t('whereabouts.nobodyActing')}
            </Typography.Text>
          )}
          {person.note && (
            <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap', ...text }}>
              {t('whereabouts.card.noteLine', { note: person.note })}
            </Typography.Text>
          )}
          <SetBy person={person} />
        </Flex>
      </Flex>
    </Card>
  );
}
