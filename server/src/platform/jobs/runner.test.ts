import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { defineJob, type JobDefinition } from './define.ts';
import { enqueueDueCrons, enqueueJob, latestOccurrence, runDueJobs, startJobLoop, type JobDeps } from './runner.ts';
import { systemCtx } from '../../bootstrap.ts';
import { fixedClock } from '../clock.ts';

/** Side effects counted in a table of their own, so a job run twice shows as two rows. */
async function makeEffectsTable(t: TestApp) {
  await sql`create table job_effects (job_id text not null, instance text not null, payload text not null)`.execute(t.db.db);
}
const effects = (t: TestApp) =>
  sql<{ jobId: string; instance: string; payload: string }>`select job_id, instance, payload from job_effects`
    .execute(t.db.db)
    .then((r) => r.rows);

describe.each(ENGINES)('job runner on %s', (engine) => {
  let t: TestApp;
  let second: Database;
  beforeAll(async () => {
    t = await startTestApp(engine);
    second = openDatabase(t.config); // a second "instance": its own connection(s) to the same database
    await makeEffectsTable(t);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const depsOf = (db: Database, jobs: JobDefinition<any>[], clock = t.clock): JobDeps => ({
    db: db.db,
    engine: db.engine,
    clock,
    config: t.config,
    jobs,
  });

  it('retries a failing job with exponential backoff and marks it failed after max attempts', async () => {
    let calls = 0;
    const flaky = defineJob<{ n: number }>({
      kind: 'test-always-fails',
      maxAttempts: 3,
      backoff: { baseMs: 60_000, factor: 2 },
      async handler(_ctx, payload) {
        calls++;
        throw new Error(`boom ${payload.n}`);
      },
    });
    const deps = depsOf(t.db, [flaky]);
    await enqueueJob(systemCtx(t.db, t.clock), flaky, { n: 7 });
    const start = t.clock.now().getTime();

    expect(await runDueJobs(deps, { instanceId: 'a' })).toMatchObject({ ran: 1, retried: 1 });
    let row = await t.db.db.selectFrom('jobs').selectAll().where('kind', '=', flaky.kind).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error: boom 7', runAt: new Date(start + 60_000).toISOString() });

    expect((await runDueJobs(deps, { instanceId: 'a' })).ran).toBe(0); // not due before its backoff
    t.clock.advance(60_000);
    expect(await runDueJobs(deps, { instanceId: 'a' })).toMatchObject({ ran: 1, retried: 1 });
    row = await t.db.db.selectFrom('jobs').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(row.runAt).toBe(new Date(start + 60_000 + 120_000).toISOString()); // doubled

    t.clock.advance(119_000);
    expect((await runDueJobs(deps, { instanceId: 'a' })).ran).toBe(0);
    t.clock.advance(1_000);
    expect(await runDueJobs(deps, { instanceId: 'a' })).toMatchObject({ ran: 1, failed: 1 });
    row = await t.db.db.selectFrom('jobs').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'Error: boom 7', finishedAt: t.clock.now().toISOString() });
    t.clock.advance(86_400_000);
    expect((await runDueJobs(deps, { instanceId: 'a' })).ran).toBe(0);
    expect(calls).toBe(3);
  });

  it('succeeds on a retry and records who ran it', async () => {
    let calls = 0;
    const once = defineJob({
      kind: 'test-fails-once',
      maxAttempts: 5,
      backoff: { baseMs: 1_000 },
      async handler() {
        if (++calls === 1) throw new Error('transient');
      },
    });
    const deps = depsOf(t.db, [once]);
    await enqueueJob(systemCtx(t.db, t.clock), once, {});
    await runDueJobs(deps, { instanceId: 'inst-1' });
    t.clock.advance(1_000);
    expect(await runDueJobs(deps, { instanceId: 'inst-2' })).toMatchObject({ ran: 1, done: 1 });
    const row = await t.db.db.selectFrom('jobs').selectAll().where('kind', '=', once.kind).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', attempts: 2, lastError: null, lockedBy: 'inst-2' });
  });

  it('enqueues a cron occurrence once even when two instances tick together', async () => {
    const daily = defineJob({ kind: 'test-daily', schedule: [{ cron: '30 8 * * *' }], async handler() {} });
    const now = new Date('2026-03-03T00:30:00.000Z'); // 08:30 in Shanghai, to the millisecond
    expect(latestOccurrence('30 8 * * *', now)?.toISOString()).toBe('2026-03-03T00:30:00.000Z');
    const a = depsOf(t.db, [daily]);
    const b = depsOf(second, [daily]);
    const inserted = await Promise.all([
      enqueueDueCrons(a, now),
      enqueueDueCrons(b, now),
      enqueueDueCrons(a, now),
      enqueueDueCrons(b, new Date(now.getTime() + 5_000)),
    ]);
    expect(inserted.reduce((x, y) => x + y, 0)).toBe(1);
    const rows = await t.db.db.selectFrom('jobs').selectAll().where('kind', '=', daily.kind).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      dedupeKey: 'test-daily:2026-03-03T00:30:00.000Z',
      runAt: '2026-03-03T00:30:00.000Z',
      status: 'queued',
    });
    // the next day's occurrence is a new job; yesterday's is not enqueued again
    expect(await enqueueDueCrons(a, new Date('2026-03-04T01:00:00Z'))).toBe(1);
    expect(await enqueueDueCrons(b, new Date('2026-03-04T01:00:00Z'))).toBe(0);
  });

  it('two instances racing over one database run each due job exactly once', async () => {
    const N = 60;
    const counted = (instance: string) =>
      defineJob<{ i: number }>({
        kind: 'test-count-me',
        async handler(ctx, payload) {
          await new Promise((r) => setTimeout(r, payload.i % 3)); // let the instances interleave
          await ctx.db
            .insertInto('job_effects' as any)
            .values({ job_id: ctx.job.id, instance, payload: String(payload.i) } as any)
            .execute();
        },
      });
    const ctx = systemCtx(t.db, t.clock);
    for (let i = 0; i < N; i++) await enqueueJob(ctx, counted('x'), { i });
    const instances = [depsOf(t.db, [counted('A')]), depsOf(second, [counted('B')])];
    const loops = instances.flatMap((deps, k) =>
      Array.from({ length: 4 }, async () => {
        let total = 0;
        for (;;) {
          const r = await runDueJobs(deps, { instanceId: `inst-${k}`, max: 1 });
          if (r.ran === 0) return total;
          total += r.ran;
        }
      }),
    );
    const ran = (await Promise.all(loops)).reduce((a, b) => a + b, 0);
    expect(ran).toBe(N);
    const rows = await effects(t);
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map((r) => r.jobId)).size).toBe(N);
    if (engine === 'postgres') expect(new Set(rows.map((r) => r.instance))).toEqual(new Set(['A', 'B']));
    const statuses = await t.db.db.selectFrom('jobs').select('status').where('kind', '=', 'test-count-me').execute();
    expect(statuses.every((s) => s.status === 'done')).toBe(true);
  });

  it('takes back a job whose instance died mid-run once its lease expires', async () => {
    let calls = 0;
    const slow = defineJob({
      kind: 'test-lease',
      leaseMs: 60_000,
      async handler() {
        calls++;
      },
    });
    await enqueueJob(systemCtx(t.db, t.clock), slow, {});
    await t.db.db
      .updateTable('jobs')
      .set({ status: 'running', lockedBy: 'dead', lockedAt: t.clock.now().toISOString(), attempts: 1 })
      .where('kind', '=', slow.kind)
      .execute();
    const deps = depsOf(t.db, [slow]);
    expect((await runDueJobs(deps, { instanceId: 'alive' })).ran).toBe(0);
    t.clock.advance(61_000);
    expect(await runDueJobs(deps, { instanceId: 'alive' })).toMatchObject({ reaped: 1, ran: 1, done: 1 });
    expect(calls).toBe(1);
  });

  it('the loop ticks crons and jobs on its own timer and stops cleanly', async () => {
    const clock = fixedClock(new Date('2026-03-05T02:00:00Z'));
    let runs = 0;
    const minutely = defineJob({
      kind: 'test-minutely',
      schedule: [{ cron: '* * * * *' }],
      async handler() {
        runs++;
      },
    });
    const loop = startJobLoop(depsOf(t.db, [minutely], clock), { instanceId: 'loop', pollMs: 10 });
    const reach = async (n: number) => {
      for (const end = Date.now() + 10_000; runs < n && Date.now() < end;) await new Promise((r) => setTimeout(r, 10));
    };
    await reach(1);
    await new Promise((r) => setTimeout(r, 50)); // more ticks in the same minute add nothing
    expect(runs).toBe(1);
    clock.advance(60_000);
    await reach(2);
    await loop.stop();
    expect(runs).toBe(2);
    const after = runs;
    clock.advance(60_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(after);
  });
});
