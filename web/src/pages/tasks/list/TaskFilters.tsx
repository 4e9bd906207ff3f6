import { useEffect, useState } from 'react';
import { Button, Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rollup } from '@qinlian/contracts';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect.tsx';
import { PersonPicker } from '../../../components/PersonPicker.tsx';
import { SearchInput } from '../../../components/SearchInput.tsx';
import type { TaskFilter } from '../hooks.ts';
import { STATUSES, WARNINGS } from '../../../domain/tasks/labels.ts';
import { WarningDot } from '../../../domain/tasks/WarningDot.tsx';
import { DEFAULT_SORT, type ListPatch } from './useListParams.ts';

type Props = { filter: TaskFilter; rollup: Rollup | undefined; patch: (p: ListPatch) => void; reset: () => void; filtered: boolean };

/** programme · measure · department · leader · status · colour · tagged · text */
export function TaskFilters({ filter, rollup, patch, reset, filtered }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  const programmes = rollup?.programmes ?? [];
  const measures = (filter.programmeId ? programmes.filter((p) => p.id === filter.programmeId) : programmes).flatMap((p) => p.measures);

  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      {filter.desk && (
        // from a desk section: the list shows exactly what the desk counted
        <Tag color="red" closable onClose={() => patch({ desk: undefined })} style={{ alignSelf: 'center' }} data-testid="task-filter-desk">
          {t(`desk.listChips.${filter.desk}`)}
        </Tag>
      )}
      <SearchInput
        placeholder={t('task.searchPlaceholder')}
        value={q}
        onChange={setQ}
        onSearch={(v) => patch({ q: v.trim() })}
        width={220}
        data-testid="task-search"
      />
      <Select
        allowClear
        placeholder={t('task.fields.programme')}
        value={filter.programmeId}
        onChange={(v?: string) => patch({ programmeId: v, measureId: undefined })}
        options={programmes.map((p) => ({ value: p.id, label: p.name }))}
        style={{ width: 150 }}
        popupMatchSelectWidth={false}
        data-testid="task-filter-programme"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('task.fields.measure')}
        value={filter.measureId}
        onChange={(v?: string) => patch({ measureId: v })}
        options={measures.map((m) => ({ value: m.id, label: `${m.code} ${m.name}` }))}
        style={{ width: 180 }}
        popupMatchSelectWidth={false}
        data-testid="task-filter-measure"
      />
      <DepartmentTreeSelect
        placeholder={t('task.fields.leadDepartment')}
        value={filter.departmentId ?? null}
        onChange={(v) => patch({ departmentId: (v as string | null) ?? undefined })}
        style={{ width: 180 }}
        data-testid="task-filter-department"
      />
      <PersonPicker
        placeholder={t('task.fields.leader')}
        value={filter.leaderPersonId ?? null}
        onChange={(v) => patch({ leaderPersonId: v ?? undefined })}
        style={{ width: 130 }}
        data-testid="task-filter-leader"
      />
      <Select
        allowClear
        placeholder={t('task.fields.status')}
        value={filter.status}
        onChange={(v?: string) => patch({ status: v })}
        options={STATUSES.map((s) => ({ value: s, label: t(`task.statuses.${s}`) }))}
        style={{ width: 120 }}
        data-testid="task-filter-status"
      />
      <Select
        allowClear
        placeholder={t('task.fields.warning')}
        value={filter.warning}
        onChange={(v?: string) => patch({ warning: v })}
        options={WARNINGS.map((w) => ({
          value: w,
          label: (
            <span>
              <WarningDot warning={w} size={8} /> {t(`task.warnings.${w}`)}
            </span>
          ),
        }))}
        style={{ width: 130 }}
        data-testid="task-filter-warning"
      />
      <Select
        allowClear
        placeholder={t('task.fields.tagged')}
        value={filter.tagged}
        onChange={(v?: string) => patch({ tagged: v })}
        options={[
          { value: 'true', label: t('task.taggedOnly') },
          { value: 'false', label: t('task.untagged') },
        ]}
        style={{ width: 120 }}
        data-testid="task-filter-tagged"
      />
      <Select
        value={filter.sort}
        onChange={(v: string) => patch({ sort: v === DEFAULT_SORT ? undefined : v })}
        options={(['warning', 'due', 'updated', 'code'] as const).map((s) => ({ value: s, label: t(`task.sorts.${s}`) }))}
        style={{ width: 140 }}
        data-testid="task-sort"
      />
      {filtered && (
        <Button type="link" onClick={reset}>
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
