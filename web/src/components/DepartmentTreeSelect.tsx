import { useMemo } from 'react';
import { Tag, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '@qinlian/contracts';
import { useDepartments } from '../domain/org/useDepartments.ts';
import { buildDeptTree, type DeptNode } from '../domain/org/departmentTree.ts';

type Option = { value: string; title: string; label: React.ReactNode; disabled?: boolean; children: Option[] };

type Props = {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  /** Ids that may not be chosen (e.g. a department and its subtree when moving it). */
  disabledIds?: Set<string>;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
  id?: string;
};

/** The department picker used wherever a department is chosen (active departments only). */
export function DepartmentTreeSelect({
  value,
  onChange,
  multiple,
  disabledIds,
  placeholder,
  allowClear = true,
  disabled,
  style,
  id,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const { data, isLoading } = useDepartments(false);
  const treeData = useMemo(() => {
    const toOption = (n: DeptNode): Option => ({
      value: n.id,
      title: n.name,
      label: n.archived ? (
        <span>
          {n.name} <Tag>{t('dept.archived')}</Tag>
        </span>
      ) : (
        n.name
      ),
      disabled: n.archived || disabledIds?.has(n.id),
      children: n.children.map(toOption),
    });
    return buildDeptTree((data ?? []) as Department[]).map(toOption);
  }, [data, disabledIds, t]);
  const expanded = useMemo(() => (data ?? []).filter((d) => !d.parentId).map((d) => d.id), [data]);

  return (
    <TreeSelect
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | string[] | undefined) ?? null)}
      treeData={treeData}
      treeNodeLabelProp="label"
      showSearch={{ treeNodeFilterProp: 'title' }}
      multiple={multiple}
      treeCheckable={multiple}
      showCheckedStrategy={multiple ? TreeSelect.SHOW_ALL : undefined}
      treeDefaultExpandedKeys={expanded}
      allowClear={allowClear}
      loading={isLoading}
      disabled={disabled}
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxHeight: 420, overflow: 'auto' } } }}
    />
  );
}
