import type { Ctx } from '../../platform/context.ts';
import { authorizationEpoch } from '../../platform/auth/authorization-epoch.ts';
import { engineOf } from '../../platform/db/engine.ts';
import { generationCache } from '../../platform/db/generation-cache.ts';
import { orgDirectoryVersion } from '../org/index.ts';
import { whereaboutsEpoch } from './whereabouts.repo.ts';

/**
 * 去向牌应答缓存: a department's board as JSON bytes, kept until someone's state changes (whereabouts
 * epoch), a person, post or department is written (org's directory version: names, photos, who
 * holds a post, an archived department), or what actors are derived from changes (abilities on the
 * console board). Boards are read far more often than they change — every kiosk at a door reads
 * its board again on each change, the console on every visit — so the queries, the presentation
 * and the encoding are done once per change instead of once per reader. Only on SQLite, as with
 * the tasks' kept answers: every write goes through this one process and moves the epochs after it
 * commits; a write from another process (the command line) is seen within BOARD_TTL_MS. On
 * PostgreSQL other instances write too, so every board is read anew.
 */
export const BOARD_TTL_MS = 10_000;
/** About 10–40 KB a board: at most ≈ 40 MB. */
export const BOARDS_MAX = 1_000;

type Entry = { body: Buffer; builtAt: number };
const boards = generationCache<Entry>(BOARDS_MAX);

/** read before any rows: a write committed meanwhile starts the next generation */
const generationOf = () => `${whereaboutsEpoch.current()}|${orgDirectoryVersion()}|${authorizationEpoch()}`;

/**
 * The board under `key` (who reads it, and which board) from the cache, or built once by the
 * requests that miss together. A build that throws (404) is not kept. Checks of who may read it
 * belong before this call: they run on every request.
 */
export async function keptBoard(ctx: Ctx, key: string, build: () => Promise<Buffer>): Promise<Buffer> {
  if (engineOf(ctx.db) !== 'sqlite') return build();
  const g = boards(ctx.db, generationOf());
  const now = Date.now();
  const hit = g.entries.get(key);
  if (hit && now - hit.builtAt < BOARD_TTL_MS) return hit.body;
  const entry = await g.load(key, g.key, async () => ({ body: await build(), builtAt: now }));
  g.keep(key, entry);
  return entry.body;
}
