import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PeoplePage, Person } from '@qinlian/contracts';
import { api } from '../api/client.ts';

type Props = {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** the current value's name when the caller knows it (e.g. a task's leaderName) */
  valueLabel?: string | null;
  placeholder?: string;
  /** only people of this department (not its sub-departments), e.g. whom a head may dispatch a task to */
  departmentId?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
};

/** Choose anyone in the reader's people scope, searched on the server by name or phone. */
export function PersonPicker({
  value,
  onChange,
  valueLabel,
  placeholder,
  departmentId,
  allowClear = true,
  disabled,
  style,
  id,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['people', 'list', { q, page: 1, pageSize: 30, picker: true, departmentId }],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof PeoplePage>>(
        '/api/people',
        { q: q || undefined, page: 1, pageSize: 30, ...(departmentId ? { departmentId, subtree: 'false' } : {}) },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled: !disabled,
    meta: { silent: true },
  });
  const items = found.data?.items;
  const known = !!value && (!!valueLabel || !!items?.some((p) => p.id === value));
  const current = useQuery({
    queryKey: ['people', 'one', value],
    queryFn: ({ signal }) => api.get<Person>(`/api/people/${value}`, undefined, signal),
    enabled: !!value && !known,
    retry: false,
    meta: { silent: true },
  });

  const options = useMemo(() => {
    const list = (items ?? [])
      .filter((p) => p.status !== 'left')
      .map((p) => ({
        value: p.id,
        label: p.name,
        title: `${p.name} · ${p.departmentName}${p.title ? ` · ${p.title}` : ''}`,
        desc: `${p.departmentName}${p.title ? ` · ${p.title}` : ''}`,
      }));
    if (value && !list.some((o) => o.value === value)) {
      const name = valueLabel ?? current.data?.name ?? t('common.unknown');
      list.unshift({ value, label: name, title: name, desc: current.data?.departmentName ?? '' });
    }
    return list;
  }, [items, value, valueLabel, current.data, t]);

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={options}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.desc && <span style={{ color: '#8c8c8c', fontSize: 12 }}> · {o.data.desc}</span>}
        </span>
      )}
      allowClear={allowClear}
      loading={found.isFetching}
      disabled={disabled}
      placeholder={placeholder ?? t('task.pickPerson')}
      notFoundContent={found.isFetching ? t('common.loading') : t('common.none')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
