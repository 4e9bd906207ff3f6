import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rollup } from '@qinlian/contracts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { useProgrammeLeaders } from '../../domain/plan/usePlan.ts';
import type { BoardFilter } from './hooks.ts';

type Props = { filter: BoardFilter; rollup: Rollup | undefined; onChange: (next: Partial<BoardFilter>) => void };

/** programme · department · leader in charge */
export function BoardFilters({ filter, rollup, onChange }: Props) {
  const { t } = useTranslation();
  const leaders = useProgrammeLeaders(rollup);
  const named = leaders.filter((l) => l.name);
  return (
    <Flex gap={8} wrap>
      <Select
        allowClear
        placeholder={t('task.fields.programme')}
        value={filter.programmeId}
        onChange={(v?: string) => onChange({ programmeId: v })}
        options={(rollup?.programmes ?? []).map((p) => ({ value: p.id, label: p.name }))}
        style={{ width: 160 }}
        data-testid="board-filter-programme"
      />
      <DepartmentTreeSelect
        placeholder={t('task.fields.leadDepartment')}
        value={filter.departmentId ?? null}
        onChange={(v) => onChange({ departmentId: (v as string | null) ?? undefined })}
        style={{ width: 200 }}
        data-testid="board-filter-department"
      />
      {named.length === leaders.length && leaders.length > 0 ? (
        <Select
          allowClear
          placeholder={t('task.fields.leader')}
          value={filter.leaderPersonId}
          onChange={(v?: string) => onChange({ leaderPersonId: v })}
          options={named.map((l) => ({ value: l.personId, label: t('task.leaderOf', { name: l.name, programme: l.programmeName }) }))}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          data-testid="board-filter-leader"
        />
      ) : (
        <PersonPicker
          placeholder={t('task.fields.leader')}
          value={filter.leaderPersonId ?? null}
          onChange={(v) => onChange({ leaderPersonId: v ?? undefined })}
          style={{ width: 160 }}
          data-testid="board-filter-leader"
        />
      )}
    </Flex>
  );
}
