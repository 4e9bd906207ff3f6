import type { ControlledTransaction } from 'kysely';
import { isTransaction, openCommitQueue, type Ctx, type TxCtx } from '../context.ts';
import type { Db } from './database.ts';
import type { DB } from './schema.ts';

/**
 * 组提交 — writes that arrive together share one durable transaction. With `synchronous = FULL`
 * every commit waits for the disk; a thousand small writes a second committed one by one spend
 * their time waiting there. Here the first write opens a transaction at once, the ones that arrive
 * while it is open or committing wait for the next, and each request runs in a savepoint of its own:
 * a request whose checks fail is rolled back alone and gets its own error, the others go on. None is
 * answered before the transaction that holds it is on disk; if that commit fails, all of its
 * requests fail (none was acknowledged). The audit chain stays one chain: the requests append to it
 * one after another inside the transaction, in the order they ran.
 */
export async function inGroupCommit<T>(ctx: Ctx, fn: (tx: TxCtx) => Promise<T>): Promise<T> {
  if (isTransaction(ctx.db)) return fn(ctx as TxCtx);
  return new Promise<T>((resolve, reject) => committerOf(ctx.db as Db)({ ctx, fn, resolve: resolve as (v: unknown) => void, reject }));
}

/** At most this many requests share a transaction: a bound on what one failed commit takes down. */
export const GROUP_MAX = 256;

type Waiting = { ctx: Ctx; fn: (tx: TxCtx) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Outcome = { ok: true; value: unknown; runCommitted: () => void } | { ok: false; error: unknown };
type Trx = ControlledTransaction<DB>;

/** How many transactions the requests so far took: requests / groups is the sharing achieved. */
export type GroupCommitStats = { groups: number; requests: number };

type Committer = { enqueue(w: Waiting): void; stats: GroupCommitStats };
const committers = new WeakMap<Db, Committer>();

function committerOf(db: Db) {
  let committer = committers.get(db);
  if (!committer) committers.set(db, (committer = groupCommitter(db)));
  return committer.enqueue;
}

export const groupCommitStats = (db: Db): GroupCommitStats => ({ ...(committers.get(db)?.stats ?? { groups: 0, requests: 0 }) });

function groupCommitter(db: Db): Committer {
  const queue: Waiting[] = [];
  const stats = { groups: 0, requests: 0 };
  let draining = false;
  const drain = async () => {
    try {
      while (queue.length) {
        const group = queue.splice(0, GROUP_MAX);
        stats.groups++;
        stats.requests += group.length;
        await commitGroup(db, group);
        await nextTurn();
      }
    } finally {
      draining = false;
    }
  };
  const enqueue = (w: Waiting) => {
    queue.push(w);
    if (draining) return;
    draining = true;
    void nextTurn().then(drain);
  };
  return { enqueue, stats };
}

/**
 * A turn of the event loop. A group's statements and its commit run without giving the loop a turn
 * (better-sqlite3 is synchronous; Kysely's promises are microtasks), so requests that arrived on the
 * sockets meanwhile are parsed and queued only once the loop turns: the next group waits for that
 * rather than start alone.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function commitGroup(db: Db, group: Waiting[]) {
  const outcomes: Outcome[] = [];
  let trx: Trx | null = null;
  try {
    trx = await db.startTransaction().execute();
    for (const w of group) outcomes.push(await runInSavepoint(trx, w));
    await trx.commit().execute();
  } catch (error) {
    if (trx)
      await trx
        .rollback()
        .execute()
        .catch(() => {});
    for (const w of group) w.reject(error);
    return;
  }
  group.forEach((w, i) => {
    const outcome = outcomes[i]!;
    if (!outcome.ok) return w.reject(outcome.error);
    outcome.runCommitted();
    w.resolve(outcome.value);
  });
}

const SAVEPOINT = 'group_commit_request';

async function runInSavepoint(trx: Trx, w: Waiting): Promise<Outcome> {
  const request = await trx.savepoint(SAVEPOINT).execute();
  const runCommitted = openCommitQueue(request);
  try {
    const value = await w.fn({ ...w.ctx, db: request });
    await request.releaseSavepoint(SAVEPOINT).execute();
    return { ok: true, value, runCommitted };
  } catch (error) {
    await request.rollbackToSavepoint(SAVEPOINT).execute();
    await request.releaseSavepoint(SAVEPOINT).execute();
    return { ok: false, error };
  }
}
