import { DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TimeLimitKind, type TimeLimitStatsQuery } from '@qinlian/contracts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';

type Props = { query: TimeLimitStatsQuery; onChange: (next: Partial<Record<keyof TimeLimitStatsQuery, string | undefined>>) => void };

/** 筛选: kind of item, a department (with those below it), and the range the deadlines fall in. */
export function OnTimeFilters({ query, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Select<TimeLimitKind>
        allowClear
        placeholder={t('timeLimits.stats.kindFilter')}
        value={query.kind}
        onChange={(v) => onChange({ kind: v })}
        options={TimeLimitKind.options.map((k) => ({ value: k, label: t(`timeLimits.kinds.${k}`) }))}
        style={{ width: 160 }}
        data-testid="on-time-kind"
      />
      <DepartmentTreeSelect
        value={query.departmentId ?? null}
        onChange={(v) => onChange({ departmentId: (v as string | null) ?? undefined })}
        placeholder={t('timeLimits.stats.departmentFilter')}
        style={{ width: 220, maxWidth: '100%' }}
        data-testid="on-time-department"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
        placeholder={[t('timeLimits.stats.rangeFrom'), t('timeLimits.stats.rangeTo')]}
        onChange={(range) =>
          onChange({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
        }
        style={{ maxWidth: '100%' }}
        data-testid="on-time-range"
      />
    </Flex>
  );
}
