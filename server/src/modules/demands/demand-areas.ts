/**
 * 片区 — the area an item is about, for the analysis' chart by area. Submissions carry no area field:
 * the areas are the organisation's towns and streets (departments of kind `town`: 乡镇、街道、组团),
 * kept in the org tree by those who keep the tree, and an item's area is
 *   1. the town its address names (in full, or without its 组团/街道/镇/乡 suffix), else
 *   2. the town its title or text names, else
 *   3. the town its handling department (as dispatched, else as the routing suggests) belongs to;
 * otherwise it has none (shown as 未注明片区). Worked out at each recompute, so a renamed or new town
 * counts from the next one.
 */

/** A department as the org front door lists it: what the areas are read from. */
export type OrgUnit = { id: string; name: string; kind: string; path: string; archivedAt: string | null };
export type Area = { id: string; name: string };
export type AreaSource = {
  address: string | null;
  title: string;
  body: string;
  departmentId: string | null;
  suggestedDepartmentId: string | null;
};

const SUFFIX = /(组团|街道办事处|街道|镇|乡)$/;

export function areaResolver(units: readonly OrgUnit[]): (item: AreaSource) => Area | null {
  const towns = units.filter((u) => u.kind === 'town' && !u.archivedAt);
  const byId = new Map(units.map((u) => [u.id, u]));
  const names = towns.flatMap((t) => {
    const short = t.name.replace(SUFFIX, '');
    const area = { id: t.id, name: t.name };
    return short.length >= 2 && short !== t.name
      ? [
          { text: t.name, area },
          { text: short, area },
        ]
      : [{ text: t.name, area }];
  });

  /** The town named first in `text`; at one place, the longer name (永修组团 before 永修). */
  const named = (text: string | null): Area | null => {
    if (!text) return null;
    let best: { at: number; length: number; area: Area } | null = null;
    for (const n of names) {
      const at = text.indexOf(n.text);
      if (at >= 0 && (!best || at < best.at || (at === best.at && n.text.length > best.length)))
        best = { at, length: n.text.length, area: n.area };
    }
    return best?.area ?? null;
  };

  /** The nearest town at or above a department in the tree. */
  const townAbove = (departmentId: string | null): Area | null => {
    const dept = departmentId ? byId.get(departmentId) : undefined;
    if (!dept) return null;
    const chain = dept.path.split('/').filter(Boolean).reverse();
    for (const id of chain) {
      const u = byId.get(id);
      if (u?.kind === 'town' && !u.archivedAt) return { id: u.id, name: u.name };
    }
    return null;
  };

  return (item) =>
    named(item.address) ?? named(`${item.title}\n${item.body}`) ?? townAbove(item.departmentId ?? item.suggestedDepartmentId);
}
