import { Select } from 'antd';
import type { ReactNode } from 'react';

export type IdOption = { value: string; search: string; label: ReactNode };
type Props = {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  options: IdOption[];
  loading?: boolean;
  disabled?: boolean;
  placeholder?: string;
  'data-testid'?: string;
};

/** A searchable, clearable single choice of one record id, as antd Form items expect (null when cleared). */
export function IdSelect({ id, value, onChange, options, loading, disabled, placeholder, ...rest }: Props) {
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ optionFilterProp: 'search' }}
      allowClear
      loading={loading}
      disabled={disabled}
      placeholder={placeholder}
      data-testid={rest['data-testid']}
    />
  );
}
