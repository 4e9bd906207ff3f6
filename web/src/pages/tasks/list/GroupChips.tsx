import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rollup } from '@qinlian/contracts';
import { useProgrammeLeaders } from '../../../domain/plan/usePlan.ts';
import { ColourCounts } from '../../../domain/tasks/ColourCounts.tsx';
import type { ListPatch, ListTab } from './useListParams.ts';

type Props = { tab: ListTab; rollup: Rollup | undefined; programmeId?: string; leaderPersonId?: string; patch: (p: ListPatch) => void };

/** 按领导 / 按工程: one chip per leader in charge or per programme, with its colour counts. */
export function GroupChips({ tab, rollup, programmeId, leaderPersonId, patch }: Props) {
  const { t } = useTranslation();
  const leaders = useProgrammeLeaders(tab === 'leader' ? rollup : undefined);
  if (tab !== 'leader' && tab !== 'programme') return null;
  const programmes = rollup?.programmes ?? [];

  return (
    <Flex gap={8} wrap align="center" className="group-chips" data-testid={`task-group-${tab}`}>
      <Typography.Text type="secondary">{tab === 'leader' ? t('task.byLeaderHint') : t('task.byProgrammeHint')}</Typography.Text>
      {tab === 'programme' &&
        programmes.map((p) => (
          <Tag.CheckableTag
            key={p.id}
            checked={p.id === programmeId}
            onChange={(on) => patch({ programmeId: on ? p.id : undefined, measureId: undefined })}
          >
            <Flex gap={8} align="center">
              <span>{p.name}</span>
              <ColourCounts colours={p.colours} hideNone />
            </Flex>
          </Tag.CheckableTag>
        ))}
      {tab === 'leader' &&
        leaders.map((l) => (
          <Tag.CheckableTag
            key={l.personId}
            checked={l.personId === leaderPersonId}
            onChange={(on) => patch({ leaderPersonId: on ? l.personId : undefined })}
          >
            {l.name
              ? t('task.leaderOf', { name: l.name, programme: l.programmeName })
              : t('task.leaderOfUnknown', { programme: l.programmeName })}
          </Tag.CheckableTag>
        ))}
    </Flex>
  );
}
