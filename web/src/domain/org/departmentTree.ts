import type { Department } from '@qinlian/contracts';

export type DeptNode = Department & { children: DeptNode[] };

function byOrder(a: Department, b: Department) {
  return a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN');
}

/** The flat list from the server as a forest; orphans (parent out of scope) become roots. */
export function buildDeptTree(items: Department[]): DeptNode[] {
  const nodes = new Map<string, DeptNode>(items.map((d) => [d.id, { ...d, children: [] }]));
  const roots: DeptNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: DeptNode[]) => {
    list.sort(byOrder);
    list.forEach((n) => sortDeep(n.children));
  };
  sortDeep(roots);
  return roots;
}

/** Ids of a department and everything below it. */
export function subtreeIds(items: Department[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const d of items) {
    if (!d.parentId) continue;
    children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Names from the root down to the department: 管委会 / 党政办公室. */
export function deptPath(items: Department[], id: string | null | undefined): string {
  const byId = new Map(items.map((d) => [d.id, d]));
  const names: string[] = [];
  let cur = id ? byId.get(id) : undefined;
  while (cur && names.length < 50) {
    names.unshift(cur.name);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return names.join(' / ');
}

/** Nodes whose name matches, plus their ancestors so they stay reachable in the tree. */
export function matchingWithAncestors(items: Department[], term: string): { visible: Set<string>; matched: Set<string> } {
  const needle = term.trim().toLowerCase();
  const byId = new Map(items.map((d) => [d.id, d]));
  const visible = new Set<string>();
  const matched = new Set<string>();
  for (const d of items) {
    if (!d.name.toLowerCase().includes(needle)) continue;
    matched.add(d.id);
    let cur: Department | undefined = d;
    while (cur && !visible.has(cur.id)) {
      visible.add(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
  }
  return { visible, matched };
}
