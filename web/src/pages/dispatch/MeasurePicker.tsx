import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRollup } from '../../domain/plan/usePlan.ts';

type Props = { planId: string; value?: string | null; onChange?: (v: string | null) => void; id?: string; 'data-testid'?: string };

/** 工程 → 举措 of the sheet's plan: only a measure can be chosen, the programmes group them. */
export function MeasurePicker({ planId, value, onChange, id, ...rest }: Props) {
  const { t } = useTranslation();
  const rollup = useRollup(planId);
  const treeData = (rollup.data?.programmes ?? []).map((p) => ({
    value: `programme:${p.id}`,
    title: p.name,
    selectable: false,
    children: p.measures.map((m) => ({ value: m.id, title: `${m.code} ${m.name}` })),
  }));
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      allowClear
      loading={rollup.isLoading}
      placeholder={t('dispatch.decisions.measure')}
      style={{ width: '100%' }}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
      data-testid={rest['data-testid']}
    />
  );
}
