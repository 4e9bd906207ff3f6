import type { Ctx } from '../context.ts';
import type { Config } from '../config.ts';
import type { Engine } from '../db/database.ts';

/** Exponential backoff: the nth retry waits baseMs · factor^(n-1), at most maxMs. */
export type Backoff = { baseMs: number; factor?: number; maxMs?: number };

/** When a job runs by itself: a croner pattern in Asia/Shanghai time. */
export type CronSchedule = {
  cron: string;
  /** an occurrence missed while no instance ran (restart, outage) is still enqueued this long after its time */
  catchUpMs?: number;
};

/** What a handler gets: a system context on the root handle (open your own transactions), plus the job. */
export type JobCtx = Ctx & {
  config: Config;
  engine: Engine;
  job: { id: string; kind: string; attempt: number; maxAttempts: number; runAt: string };
};

export type JobDefinition<P = unknown> = {
  kind: string;
  handler(ctx: JobCtx, payload: P): Promise<void>;
  maxAttempts: number;
  backoff: Backoff;
  /** crons, declared beside the handler they run */
  schedule: CronSchedule[];
  /** a job still "running" this long after it was claimed is taken to have died with its instance */
  leaseMs: number;
};

export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, factor: 2, maxMs: 3_600_000 };
export const DEFAULT_LEASE_MS = 10 * 60_000;
export const DEFAULT_CATCH_UP_MS = 24 * 3_600_000;

/**
 * A typed, retried unit of work: `defineJob({ kind: 'task-warnings', schedule: [{ cron: '30 8 * * *' }],
 * maxAttempts: 3, backoff: { baseMs: 60_000 }, handler: async (ctx, payload) => … })`.
 * Handlers must be idempotent: a job whose instance died mid-run is run again after its lease.
 */
export function defineJob<P = Record<string, never>>(def: {
  kind: string;
  handler(ctx: JobCtx, payload: P): Promise<void>;
  maxAttempts?: number;
  backoff?: Backoff;
  schedule?: CronSchedule[];
  leaseMs?: number;
}): JobDefinition<P> {
  if (!/^[a-z][a-z0-9.-]{1,63}$/.test(def.kind)) throw new Error(`job kind "${def.kind}" must be lower-case words joined by - or .`);
  return { maxAttempts: 3, backoff: DEFAULT_BACKOFF, schedule: [], leaseMs: DEFAULT_LEASE_MS, ...def };
}

/** How long to wait before retry number `attempt` (1 = the first retry after the first failure). */
export function backoffDelay(backoff: Backoff, attempt: number): number {
  const raw = backoff.baseMs * (backoff.factor ?? 2) ** Math.max(0, attempt - 1);
  return Math.min(raw, backoff.maxMs ?? Number.POSITIVE_INFINITY);
}

/** The jobs one process knows, by kind; refuses two definitions of one kind. */
export function jobRegistry(defs: readonly JobDefinition<any>[]): ReadonlyMap<string, JobDefinition<any>> {
  const map = new Map<string, JobDefinition<any>>();
  for (const d of defs) {
    if (map.has(d.kind)) throw new Error(`job kind "${d.kind}" is defined twice`);
    map.set(d.kind, d);
  }
  return map;
}
