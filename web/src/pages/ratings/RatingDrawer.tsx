import { useState } from 'react';
import { Alert, Button, Descriptions, Divider, Drawer, Flex, Grid, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rating } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';
import { AppealDialog } from './AppealDialog.tsx';
import { RectificationLink } from './columns.tsx';
import { DecisionDialog } from './DecisionDialog.tsx';
import { useRating } from './hooks.ts';
import { AppealTag, ScoreTag } from './ScoreTag.tsx';

const text = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** 申诉与复核 as on record: who appealed and why, who decided what and why. */
function AppealRecord({ r }: { r: Rating }) {
  const { t } = useTranslation();
  const a = r.appeal;
  if (!a) return null;
  return (
    <div data-testid="rating-appeal-record">
      <Divider titlePlacement="start" style={{ marginBlock: 16 }}>
        {t('ratings.drawer.appealTitle')}
      </Divider>
      <Typography.Text type="secondary">
        {t('ratings.drawer.appealedBy', { name: a.appealedByName, at: formatInstant(a.appealedAt) })}
      </Typography.Text>
      <Typography.Paragraph style={{ ...text, marginTop: 4 }}>{a.reason}</Typography.Paragraph>
      {a.decision ? (
        <>
          <Typography.Text type="secondary">
            {t('ratings.drawer.decidedBy', {
              name: a.decidedByName ?? '',
              at: formatInstant(a.decidedAt),
              decision: t(`ratings.appealStates.${a.decision}`),
            })}
          </Typography.Text>
          {a.note && <Typography.Paragraph style={{ ...text, marginTop: 4 }}>{a.note}</Typography.Paragraph>}
        </>
      ) : (
        <Alert type="info" showIcon title={t('ratings.drawer.waiting')} />
      )}
    </div>
  );
}

/** 评价详情: the comment in full, the 整改 it opened, the appeal — and 申诉 / 复核 where the server allows. */
export function RatingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const query = useRating(id);
  const [appealing, setAppealing] = useState<Rating | null>(null);
  const [deciding, setDeciding] = useState<Rating | null>(null);
  const r = query.data;
  const f = (k: string) => t(`ratings.fields.${k}`);

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      title={t('ratings.drawer.title')}
      size={phone ? '100%' : 560}
      destroyOnHidden
      data-testid="rating-drawer"
    >
      {query.isLoading && <Skeleton active />}
      {query.isError && <Alert type="error" showIcon title={t('ratings.drawer.loadFailed')} description={query.error.message} />}
      {r && (
        <>
          {(r.abilities.appeal || r.abilities.decide) && (
            <Flex gap={8} wrap style={{ marginBottom: 16 }}>
              {r.abilities.appeal && (
                <Button type="primary" onClick={() => setAppealing(r)} data-testid="rating-appeal">
                  {t('ratings.actions.appeal')}
                </Button>
              )}
              {r.abilities.decide && (
                <Button type="primary" onClick={() => setDeciding(r)} data-testid="rating-decide">
                  {t('ratings.actions.decide')}
                </Button>
              )}
            </Flex>
          )}
          <Descriptions column={1} size="small" bordered styles={{ label: { width: phone ? undefined : 110 } }}>
            <Descriptions.Item label={f('person')}>{r.personName}</Descriptions.Item>
            <Descriptions.Item label={f('department')}>{r.departmentName}</Descriptions.Item>
            <Descriptions.Item label={f('source')}>{t(`ratings.sources.${r.source}`)}</Descriptions.Item>
            <Descriptions.Item label={f('score')}>
              <Flex gap={8} wrap>
                <ScoreTag score={r.score} />
                {r.bad && <AppealTag state={r.appealState} />}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={f('comment')}>
              {r.comment ? (
                <span style={text} data-testid="rating-comment">
                  {r.comment}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('ratings.drawer.noComment')}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={f('ratedOn')}>{r.ratedOn}</Descriptions.Item>
            <Descriptions.Item label={f('createdAt')}>{formatInstant(r.createdAt)}</Descriptions.Item>
            {r.bad && (
              <Descriptions.Item label={f('rectification')}>
                <Flex gap={8} wrap align="center">
                  <RectificationLink r={r} t={t} />
                  {r.rectification && (
                    <Typography.Text type="secondary">{t('ratings.drawer.due', { date: r.rectification.dueOn })}</Typography.Text>
                  )}
                </Flex>
              </Descriptions.Item>
            )}
          </Descriptions>
          <AppealRecord r={r} />
        </>
      )}
      <AppealDialog rating={appealing} onClose={() => setAppealing(null)} />
      <DecisionDialog rating={deciding} onClose={() => setDeciding(null)} />
    </Drawer>
  );
}
