import type { Ctx } from '../../platform/context.ts';
import { calendarVersion } from '../../platform/calendar/calendar.service.ts';
import { generationCache } from '../../platform/db/generation-cache.ts';
import { orgDirectoryVersion } from '../org/index.ts';
import { planTablesEpoch } from '../plan/index.ts';
import { tasksRepo } from './tasks.repo.ts';
import type { TaskAccess } from './tasks.policy.ts';
import { presentListItemBody } from './tasks.presenter.ts';
import { taskViews, today } from './task-views.service.ts';

/**
 * 列表条目缓存: a task as every list shows it, presented once per version of the task. Every task
 * write moves its version on (task-write.service.ts, milestones and cooperators included), so an entry
 * is current while the version the list query just read is the one it was built from. What else
 * goes into an item is in the generation: the day (working days left, 序时进度), plan names and
 * thresholds, department, post and people names (who acts for a post), the calendar — a change
 * committed through this instance starts a new generation at once; one made through another
 * PostgreSQL instance is seen within TTL_MS, as with the other caches. The actor's abilities are
 * not in the entry: they are worked out per request from the access the entry keeps.
 */
export type ListItem = {
  id: string;
  version: number;
  access: TaskAccess;
  /** the presented task as JSON, without its closing brace */ json: string;
};

/** About 3 KB an entry: at most ≈ 60 MB, the pages of 1,000 lists of 20. */
export const LIST_ITEMS_MAX = 20_000;
export const LIST_ITEMS_TTL_MS = 30_000;

type Entry = ListItem & { builtAt: number };
const items = generationCache<Entry>(LIST_ITEMS_MAX);

/** What a presented task depends on besides its own row: the day, plan names and thresholds, the organisation, the calendar. */
export const presentationGeneration = (ctx: Ctx) =>
  `${today(ctx)}|${planTablesEpoch.current()}|${orgDirectoryVersion()}|${calendarVersion()}`;

/** The items for these tasks, in this order; tasks gone since the list was read are left out. */
export async function listItems(ctx: Ctx, keys: { id: string; version: number }[]): Promise<ListItem[]> {
  const g = items(ctx.db, presentationGeneration(ctx)); // read before any rows: a change committed meanwhile starts the next
  const now = Date.now();
  const current = (id: string, version: number) => {
    const e = g.entries.get(id);
    return e && e.version === version && now - e.builtAt < LIST_ITEMS_TTL_MS ? e : undefined;
  };
  const missing = keys.filter((k) => !current(k.id, k.version));
  const built = new Map<string, Entry>();
  if (missing.length) {
    for (const v of await taskViews(
      ctx,
      await tasksRepo.byIds(
        ctx.db,
        missing.map((k) => k.id),
      ),
    )) {
      const entry = {
        id: v.row.id,
        version: v.row.version,
        access: v.access,
        json: JSON.stringify(presentListItemBody(v)).slice(0, -1),
        builtAt: now,
      };
      built.set(entry.id, entry);
      g.keep(entry.id, entry);
    }
  }
  // a task written after the list was read is shown as read just now (its newer version)
  return keys.map((k) => current(k.id, k.version) ?? built.get(k.id)).filter((e): e is Entry => !!e);
}
