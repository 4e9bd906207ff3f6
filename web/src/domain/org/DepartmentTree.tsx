import { useEffect, useMemo, useState } from 'react';
import { Empty, Tag, Tree, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '@qinlian/contracts';
import { buildDeptTree, matchingWithAncestors, type DeptNode } from './departmentTree.ts';

/** categories, not warnings: no red, yellow or blue (docs/ui.md) */
const KIND_COLOR: Record<Department['kind'], string> = {
  committee: 'purple',
  department: 'cyan',
  town: 'green',
  company: 'magenta',
  group: 'default',
};

type Props = {
  items: Department[];
  search: string;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  showCounts?: boolean;
  compact?: boolean;
};

function highlight(name: string, term: string) {
  const i = term ? name.toLowerCase().indexOf(term.toLowerCase()) : -1;
  if (i < 0) return name;
  return (
    <>
      {name.slice(0, i)}
      <span className="hit">{name.slice(i, i + term.length)}</span>
      {name.slice(i + term.length)}
    </>
  );
}

/** The department hierarchy with kind tags; archived ones greyed; a search keeps matches and their ancestors. */
export function DepartmentTree({ items, search, selectedId, onSelect, showCounts = true, compact = false }: Props) {
  const { t } = useTranslation();
  const term = search.trim();
  const filter = useMemo(() => (term ? matchingWithAncestors(items, term) : null), [items, term]);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const treeData = useMemo(() => {
    const toNode = (n: DeptNode): TreeDataNode | null => {
      if (filter && !filter.visible.has(n.id)) return null;
      const children = n.children.map(toNode).filter((c): c is TreeDataNode => c !== null);
      return {
        key: n.id,
        title: (
          <span className={n.archived ? 'dept-archived' : undefined} data-testid={`dept-node-${n.id}`}>
            {highlight(n.name, term)}
            {!compact && (
              <Tag
                color={n.archived ? undefined : KIND_COLOR[n.kind]}
                variant="outlined"
                style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}
              >
                {t(`dept.kinds.${n.kind}`)}
              </Tag>
            )}
            {n.archived && <Tag style={{ fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>{t('dept.archived')}</Tag>}
            {showCounts && !n.archived && <span style={{ color: '#9ca3af', fontSize: 12, marginInlineStart: 4 }}>{n.headcount}</span>}
          </span>
        ),
        children,
      };
    };
    return buildDeptTree(items)
      .map(toNode)
      .filter((c): c is TreeDataNode => c !== null);
  }, [items, filter, term, t, showCounts, compact]);

  // While searching everything visible is open; otherwise the first two levels, until the user changes it.
  const defaultExpanded = useMemo(() => {
    if (filter) return [...filter.visible];
    const roots = items.filter((d) => !d.parentId || !items.some((p) => p.id === d.parentId)).map((d) => d.id);
    return roots;
  }, [items, filter]);

  // Reveal the selected department (e.g. one just created deep in the tree).
  useEffect(() => {
    if (!selectedId) return;
    const byId = new Map(items.map((d) => [d.id, d]));
    const ancestors: string[] = [];
    let cur = byId.get(selectedId)?.parentId;
    while (cur && ancestors.length < 50) {
      ancestors.push(cur);
      cur = byId.get(cur)?.parentId ?? null;
    }
    if (ancestors.length) setExpanded((prev) => [...new Set([...(prev ?? defaultExpanded), ...ancestors])]);
  }, [selectedId, items]);

  if (!treeData.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={term ? undefined : t('dept.empty')} />;

  return (
    <Tree
      className="dept-tree"
      blockNode
      showLine={{ showLeafIcon: false }}
      treeData={treeData}
      selectedKeys={selectedId ? [selectedId] : []}
      expandedKeys={filter ? defaultExpanded : (expanded ?? defaultExpanded)}
      onExpand={(keys) => setExpanded(keys.map(String))}
      onSelect={(keys) => onSelect(keys.length ? String(keys[0]) : null)}
    />
  );
}
