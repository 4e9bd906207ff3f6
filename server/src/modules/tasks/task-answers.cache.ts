import type { Ctx } from '../../platform/context.ts';
import { authorizationEpoch } from '../../platform/auth/authorization-epoch.ts';
import { engineOf } from '../../platform/db/engine.ts';
import { generationCache } from '../../platform/db/generation-cache.ts';
import { presentationGeneration } from './task-list-items.cache.ts';
import { tasksEpoch } from './tasks.repo.ts';

/**
 * 应答缓存: a list page, the board or a roll-up answer kept until a task, plan, organisation, calendar or
 * authorization write commits, or the day changes. Only on SQLite: there every write goes
 * through this one process and moves the epochs after it commits, so "nothing has been written
 * since" is known exactly. The command line writes from another process, and is seen within
 * ANSWER_TTL_MS. On PostgreSQL other instances write too, so nothing is kept here (the list's
 * items are still shared: task-list-items.cache.ts checks each against the version just read).
 */
export const ANSWER_TTL_MS = 10_000;
/** About 25 KB an answer (a page of 20): at most ≈ 50 MB. */
export const ANSWERS_MAX = 2_000;

type Entry = { value: unknown; builtAt: number };
const answers = generationCache<Entry>(ANSWERS_MAX);

/** read before any rows: a write committed meanwhile starts the next generation */
const generationOf = (ctx: Ctx) => `${tasksEpoch.current()}|${authorizationEpoch()}|${presentationGeneration(ctx)}`;

/**
 * The answer to `key` (what was asked, normalised) for this actor — `forEveryone` when it does not
 * depend on who asks — from the cache, or built once by the requests that miss together.
 */
export async function cachedAnswer<T>(ctx: Ctx, key: string, build: () => Promise<T>, opts: { forEveryone?: boolean } = {}): Promise<T> {
  if (engineOf(ctx.db) !== 'sqlite') return build();
  const g = answers(ctx.db, generationOf(ctx));
  const id = `${opts.forEveryone ? '*' : (ctx.actor?.userId ?? '-')}|${key}`;
  const now = Date.now();
  const hit = g.entries.get(id);
  if (hit && now - hit.builtAt < ANSWER_TTL_MS) return hit.value as T;
  const entry = await g.load(id, g.key, async () => ({ value: await build(), builtAt: now }));
  g.keep(id, entry);
  return entry.value as T;
}
