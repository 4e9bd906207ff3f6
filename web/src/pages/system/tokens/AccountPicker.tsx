import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../../domain/org/usePeople.ts';

type Props = { value?: string | null; onChange?: (userId: string | null) => void; id?: string };

/** Picks the sign-in account of a person who has one (searching people by name). */
export function AccountPicker({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = usePeople({ page: 1, pageSize: 50, q: q || undefined });
  const options = (people.data?.items ?? [])
    .filter((p) => p.userId)
    .map((p) => ({ value: p.userId!, label: `${p.name} (${p.username ?? ''}) · ${p.departmentName}` }));

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v: string) => onChange?.(v)}
      loading={people.isFetching}
      placeholder={t('token.pickPerson')}
      options={options}
      data-testid="token-account-picker"
    />
  );
}
