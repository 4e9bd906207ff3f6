import { useState } from 'react';
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Flex, Popover, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export type ColumnChoice = { key: string; title: string; locked?: boolean };

/** Hidden columns of a table, kept in localStorage under `storageKey`. */
export function useHiddenColumns(storageKey: string, defaults: string[] = []) {
  const [hidden, setHidden] = useState<string[]>(() => {
    try {
      const saved = localStorage.getItem(storageKey);
      return saved ? (JSON.parse(saved) as string[]) : defaults;
    } catch {
      return defaults;
    }
  });
  const update = (next: string[]) => {
    setHidden(next);
    try {
      localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      /* not persisted */
    }
  };
  return [hidden, update] as const;
}

type Props = { columns: ColumnChoice[]; hidden: string[]; onChange: (hidden: string[]) => void; defaults?: string[] };

export function ColumnSettings({ columns, hidden, onChange, defaults = [] }: Props) {
  const { t } = useTranslation();
  const content = (
    <div style={{ minWidth: 180 }} data-testid="column-settings-panel">
      <Flex vertical gap={6}>
        {columns.map((c) => (
          <Checkbox
            key={c.key}
            checked={!hidden.includes(c.key)}
            disabled={c.locked}
            onChange={(e) => onChange(e.target.checked ? hidden.filter((k) => k !== c.key) : [...hidden, c.key])}
            data-testid={`column-toggle-${c.key}`}
          >
            {c.title}
          </Checkbox>
        ))}
      </Flex>
      <Divider style={{ margin: '10px 0' }} />
      <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onChange(defaults)}>
        {t('common.reset')}
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('person.columns')} content={content}>
      <Tooltip title={t('person.columns')}>
        <Button icon={<SettingOutlined />} data-testid="column-settings" aria-label={t('person.columns')} />
      </Tooltip>
    </Popover>
  );
}
