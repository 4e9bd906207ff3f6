import { useEffect, useRef } from 'react';
import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** Called after typing pauses, on Enter and on clear. */
  onSearch?: (value: string) => void;
  placeholder?: string;
  width?: number | string;
  size?: 'small' | 'middle' | 'large';
  delay?: number;
  'data-testid'?: string;
};

/** A search box whose `data-testid` sits on the <input> itself (antd's Input.Search puts it on a wrapper). */
export function SearchInput({ value, onChange, onSearch, placeholder, width, size, delay = 400, ...rest }: Props) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fire = (v: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    onSearch?.(v);
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return (
    <Input
      allowClear
      size={size}
      prefix={<SearchOutlined style={{ color: '#9ca3af' }} />}
      placeholder={placeholder}
      value={value}
      style={{ width }}
      onChange={(e) => {
        const v = e.target.value;
        onChange(v);
        if (!onSearch) return;
        if (timer.current) clearTimeout(timer.current);
        if (!v) fire(v);
        else timer.current = setTimeout(() => fire(v), delay);
      }}
      onPressEnter={() => fire(value)}
      data-testid={rest['data-testid']}
    />
  );
}
