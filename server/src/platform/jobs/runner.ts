import { Cron } from 'croner';
import type { Config } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { Db, Engine } from '../db/database.ts';
import { systemActor, type Ctx } from '../context.ts';
import { newId } from '../ids.ts';
import { iso } from '../clock.ts';
import { backoffDelay, DEFAULT_CATCH_UP_MS, jobRegistry, type JobCtx, type JobDefinition } from './define.ts';
import { jobsRepo, type JobRow } from './jobs.repo.ts';

export const JOB_TIMEZONE = 'Asia/Shanghai';

export type JobLog = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;

/** What the runner needs: the database, its engine, the clock (tests drive it), config, and the known jobs. */
export type JobDeps = {
  db: Db;
  engine: Engine;
  clock: Clock;
  config: Config;
  jobs: readonly JobDefinition<any>[];
  log?: JobLog;
};

const registries = new WeakMap<readonly JobDefinition<any>[], ReadonlyMap<string, JobDefinition<any>>>();
const registryOf = (jobs: readonly JobDefinition<any>[]) => {
  let r = registries.get(jobs);
  if (!r) registries.set(jobs, (r = jobRegistry(jobs)));
  return r;
};

const crons = new Map<string, Cron>();
function cronOf(pattern: string): Cron {
  let c = crons.get(pattern);
  if (!c) crons.set(pattern, (c = new Cron(pattern, { timezone: JOB_TIMEZONE, paused: true })));
  return c;
}

/** The latest instant ≤ `now` at which `pattern` fires (Asia/Shanghai), or null. */
export function latestOccurrence(pattern: string, now: Date): Date | null {
  return cronOf(pattern).previousRuns(1, new Date(now.getTime() + 1))[0] ?? null;
}

/** The occurrence each cron last put in (or found in) the table, per database handle. */
const enqueuedHere = new WeakMap<object, Map<string, string>>();
/** When this process last looked for jobs left running by a dead instance, per database handle. */
const reapedAt = new WeakMap<object, number>();
const REAP_EVERY_MS = 60_000;

/**
 * The cron tick: for every scheduled job, enqueue its latest occurrence with dedupe key
 * `${kind}:${instant}`. The key is unique, so however many instances tick at once (or how often),
 * an occurrence becomes one job row. Returns how many rows this call inserted.
 */
export async function enqueueDueCrons(deps: Pick<JobDeps, 'db' | 'jobs'>, now: Date): Promise<number> {
  let inserted = 0;
  let seen = enqueuedHere.get(deps.db);
  if (!seen) enqueuedHere.set(deps.db, (seen = new Map()));
  for (const def of deps.jobs) {
    for (const s of def.schedule) {
      const at = latestOccurrence(s.cron, now);
      if (!at || now.getTime() - at.getTime() > (s.catchUpMs ?? DEFAULT_CATCH_UP_MS)) continue;
      const runAt = iso(at);
      const key = `${def.kind}:${runAt}`;
      if (seen.get(`${def.kind} ${s.cron}`) === key) continue; // this process saw it in already: spare the write
      const ok = await jobsRepo.insert(deps.db, {
        id: newId(),
        kind: def.kind,
        payload: JSON.stringify({ scheduledFor: runAt }),
        runAt,
        status: 'queued',
        attempts: 0,
        maxAttempts: def.maxAttempts,
        lastError: null,
        lockedBy: null,
        lockedAt: null,
        dedupeKey: key,
        createdAt: iso(now),
        finishedAt: null,
      });
      seen.set(`${def.kind} ${s.cron}`, key);
      if (ok) inserted++;
    }
  }
  return inserted;
}

/** Queue a one-off job inside the caller's transaction; with a dedupe key, asking twice queues once. */
export async function enqueueJob<P>(
  ctx: Ctx,
  def: JobDefinition<P>,
  payload: P,
  opts: { runAt?: Date; dedupeKey?: string } = {},
): Promise<boolean> {
  const now = ctx.clock.now();
  return jobsRepo.insert(ctx.db, {
    id: newId(),
    kind: def.kind,
    payload: JSON.stringify(payload ?? {}),
    runAt: iso(opts.runAt ?? now),
    status: 'queued',
    attempts: 0,
    maxAttempts: def.maxAttempts,
    lastError: null,
    lockedBy: null,
    lockedAt: null,
    dedupeKey: opts.dedupeKey ?? null,
    createdAt: iso(now),
    finishedAt: null,
  });
}

const describe = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 2000);

export type RunSummary = { ran: number; done: number; retried: number; failed: number; reaped: number };

/**
 * Claim and run due jobs, one at a time, until none is due (or `max`, or `shouldStop()`).
 * A failure is retried after exponential backoff until max_attempts, then marked failed with
 * its error. Safe to call from any number of instances at once: each job is claimed by one.
 */
export async function runDueJobs(
  deps: JobDeps,
  opts: { instanceId: string; max?: number; shouldStop?: () => boolean },
): Promise<RunSummary> {
  const registry = registryOf(deps.jobs);
  const kinds = [...registry.keys()];
  const summary: RunSummary = { ran: 0, done: 0, retried: 0, failed: 0, reaped: 0 };
  const startedAt = deps.clock.now();
  const lastReap = reapedAt.get(deps.db);
  if (lastReap === undefined || Math.abs(startedAt.getTime() - lastReap) >= REAP_EVERY_MS) {
    reapedAt.set(deps.db, startedAt.getTime());
    for (const leaseMs of new Set(deps.jobs.map((d) => d.leaseMs))) {
      const leaseKinds = deps.jobs.filter((d) => d.leaseMs === leaseMs).map((d) => d.kind);
      summary.reaped += await jobsRepo.reapExpired(deps.db, leaseKinds, iso(new Date(startedAt.getTime() - leaseMs)), iso(startedAt));
    }
  }
  const max = opts.max ?? 100;
  while (summary.ran < max && !opts.shouldStop?.()) {
    const job = await jobsRepo.claimNext(deps.db, deps.engine, { kinds, now: iso(deps.clock.now()), instanceId: opts.instanceId });
    if (!job) break;
    summary.ran++;
    const outcome = await runOne(deps, registry.get(job.kind)!, job, opts.instanceId);
    summary[outcome]++;
  }
  return summary;
}

async function runOne(deps: JobDeps, def: JobDefinition<any>, job: JobRow, instanceId: string): Promise<'done' | 'retried' | 'failed'> {
  const ctx: JobCtx = {
    actor: systemActor,
    db: deps.db,
    ip: 'job',
    lang: 'zh-CN',
    clock: deps.clock,
    config: deps.config,
    engine: deps.engine,
    job: { id: job.id, kind: job.kind, attempt: job.attempts, maxAttempts: job.maxAttempts, runAt: job.runAt },
  };
  try {
    await def.handler(ctx, JSON.parse(job.payload));
    await jobsRepo.finish(deps.db, job.id, instanceId, { status: 'done', finishedAt: iso(deps.clock.now()), lastError: null });
    return 'done';
  } catch (err) {
    const now = deps.clock.now();
    const lastError = describe(err);
    if (job.attempts < job.maxAttempts) {
      const runAt = iso(new Date(now.getTime() + backoffDelay(def.backoff, job.attempts)));
      await jobsRepo.finish(deps.db, job.id, instanceId, { status: 'queued', runAt, lastError });
      deps.log?.('warn', `job ${job.kind} failed (attempt ${job.attempts}/${job.maxAttempts}); retry at ${runAt}`, {
        jobId: job.id,
        error: lastError,
      });
      return 'retried';
    }
    await jobsRepo.finish(deps.db, job.id, instanceId, { status: 'failed', finishedAt: iso(now), lastError });
    deps.log?.('error', `job ${job.kind} failed for good after ${job.attempts} attempts`, { jobId: job.id, error: lastError });
    return 'failed';
  }
}

export type JobLoop = { stop(): Promise<void> };

/**
 * The one timer of the process (started by `serve` only): every poll, enqueue due cron
 * occurrences, then run due jobs. Ticks never overlap; stop() waits for the job in hand.
 */
export function startJobLoop(deps: JobDeps, opts: { instanceId: string; pollMs: number }): JobLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await enqueueDueCrons(deps, deps.clock.now());
      await runDueJobs(deps, { instanceId: opts.instanceId, shouldStop: () => stopped });
    } catch (err) {
      deps.log?.('error', `job loop tick failed: ${describe(err)}`);
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = tick().finally(() => schedule(opts.pollMs));
    }, ms);
    timer.unref();
  };
  schedule(0);
  deps.log?.('info', `job loop started (${opts.instanceId}, every ${opts.pollMs} ms)`);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
