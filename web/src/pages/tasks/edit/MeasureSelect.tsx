import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rollup } from '@qinlian/contracts';

type Props = {
  rollup: Rollup | undefined;
  value?: string;
  onChange?: (v: string) => void;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
};

/** 工程 → 举措: only a measure can be chosen; programmes group them. */
export function MeasureSelect({ rollup, value, onChange, disabled, id, ...rest }: Props) {
  const { t } = useTranslation();
  const treeData = (rollup?.programmes ?? []).map((p) => ({
    value: `programme:${p.id}`,
    title: p.name,
    label: p.name,
    selectable: false,
    children: p.measures.map((m) => ({ value: m.id, title: `${m.code} ${m.name}`, label: `${p.name} / ${m.name}` })),
  }));
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      treeData={treeData}
      treeNodeLabelProp="label"
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      disabled={disabled}
      placeholder={t('common.pleaseSelect', { field: t('task.fields.measure') })}
      style={{ width: '100%' }}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
      data-testid={rest['data-testid']}
    />
  );
}
