import { ALL_PERMISSIONS, type Lang, type Permission, type DataScope } from '@qinlian/contracts';
import type { Db, Executor, Tx } from './db/database.ts';
import type { Clock } from './clock.ts';

/** Departments an actor may see. `all` beats the list. */
export type ResolvedScope = { kind: DataScope; all: boolean; departmentIds: string[]; selfPersonId: string | null };

export type Actor = {
  userId: string;
  username: string;
  name: string;
  personId: string | null;
  departmentId: string | null;
  permissions: ReadonlySet<Permission>;
  scope: ResolvedScope;
  via: 'session' | 'token' | 'system';
};

/** What every service call carries: who, through which connection, from where, in which language. */
export type Ctx = { actor: Actor | null; db: Executor; ip: string; lang: Lang; clock: Clock };
export type TxCtx = Ctx & { db: Tx };

export function isTransaction(db: Executor): db is Tx {
  return db.isTransaction;
}

const afterCommitQueues = new WeakMap<Tx, Set<() => void>>();

/**
 * Give `tx` its own after-commit queue; call what this returns once its work is durable. A group
 * commit (db/group-commit.ts) gives each request's savepoint one, so a request rolled back inside a
 * committed group runs none of its hooks.
 */
export function openCommitQueue(tx: Tx): () => void {
  const committed = new Set<() => void>();
  afterCommitQueues.set(tx, committed);
  return () => {
    for (const f of committed) f();
  };
}

/** Run `fn` in a transaction, joining the caller's if it already has one. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: TxCtx) => Promise<T>): Promise<T> {
  if (isTransaction(ctx.db)) return fn(ctx as TxCtx);
  let runCommitted = () => {};
  const result = await (ctx.db as Db).transaction().execute((db) => {
    runCommitted = openCommitQueue(db);
    return fn({ ...ctx, db });
  });
  runCommitted();
  return result;
}

/**
 * Run `fn` once the caller's transaction has committed (at once outside a transaction; never
 * after a rollback). The same `fn` registered twice runs once.
 */
export function afterCommit(db: Executor, fn: () => void) {
  if (!isTransaction(db)) return fn();
  const queue = afterCommitQueues.get(db);
  if (!queue) throw new Error('afterCommit needs a transaction opened by inTransaction');
  queue.add(fn);
}

/** The actor for command-line and seed work: may do anything, and says so in the audit chain. */
export const systemActor: Actor = {
  userId: 'system',
  username: 'system',
  name: '系统',
  personId: null,
  departmentId: null,
  permissions: new Set(ALL_PERMISSIONS),
  scope: { kind: 'all', all: true, departmentIds: [], selfPersonId: null },
  via: 'system',
};
