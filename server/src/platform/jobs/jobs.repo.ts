import { sql } from 'kysely';
import type { Db, Engine, Executor } from '../db/database.ts';
import type { JobsTable } from '../db/schema.ts';

export type JobRow = JobsTable;

/** The only SQL on the jobs table. */
export const jobsRepo = {
  /** Insert one job; with a dedupe key an existing row wins (ON CONFLICT DO NOTHING). True when inserted. */
  async insert(db: Executor, row: JobRow): Promise<boolean> {
    let q = db.insertInto('jobs').values(row);
    if (row.dedupeKey !== null) q = q.onConflict((oc) => oc.column('dedupeKey').doNothing());
    return (await q.returning('id').executeTakeFirst()) !== undefined;
  },

  /**
   * Take the next due job for this instance, marking it running and counting the attempt.
   * PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED inside a transaction, so concurrent instances each
   * lock a different row and never wait on each other. SQLite: one UPDATE … RETURNING, atomic
   * under its single writer.
   */
  async claimNext(db: Db, engine: Engine, opts: { kinds: string[]; now: string; instanceId: string }): Promise<JobRow | undefined> {
    if (opts.kinds.length === 0) return undefined;
    const claim = { status: 'running' as const, lockedBy: opts.instanceId, lockedAt: opts.now, attempts: sql<number>`attempts + 1` };
    if (engine === 'postgres') {
      return db.transaction().execute(async (tx) => {
        const due = await tx
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'queued')
          .where('runAt', '<=', opts.now)
          .where('kind', 'in', opts.kinds)
          .orderBy('runAt')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!due) return undefined;
        return tx.updateTable('jobs').set(claim).where('id', '=', due.id).returningAll().executeTakeFirstOrThrow();
      });
    }
    return db
      .updateTable('jobs')
      .set(claim)
      .where('id', '=', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'queued')
          .where('runAt', '<=', opts.now)
          .where('kind', 'in', opts.kinds)
          .orderBy('runAt')
          .orderBy('id')
          .limit(1),
      )
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  },

  /** Finish a job this instance holds; false when the lease was lost meanwhile. */
  async finish(
    db: Executor,
    id: string,
    instanceId: string,
    patch: Partial<Pick<JobRow, 'status' | 'runAt' | 'lastError' | 'finishedAt' | 'lockedAt'>>,
  ) {
    const r = await db
      .updateTable('jobs')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lockedBy', '=', instanceId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Jobs left running by a dead instance: retried if attempts remain, else failed. */
  async reapExpired(db: Executor, kinds: string[], claimedBefore: string, now: string) {
    if (kinds.length === 0) return 0;
    const base = db.updateTable('jobs').where('status', '=', 'running').where('kind', 'in', kinds).where('lockedAt', '<', claimedBefore);
    const retried = await base
      .set({ status: 'queued', runAt: now, lastError: 'lease expired: the instance running it stopped' })
      .where(sql<boolean>`attempts < max_attempts`)
      .executeTakeFirst();
    const failed = await base
      .set({ status: 'failed', finishedAt: now, lastError: 'lease expired: the instance running it stopped' })
      .where(sql<boolean>`attempts >= max_attempts`)
      .executeTakeFirst();
    return Number(retried.numUpdatedRows) + Number(failed.numUpdatedRows);
  },

  /** Drop finished jobs older than the given instants (cron occurrences stay until well past their catch-up window). */
  async prune(db: Executor, doneBefore: string, failedBefore: string) {
    const r = await db
      .deleteFrom('jobs')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'done'), eb('finishedAt', '<', doneBefore)]),
          eb.and([eb('status', '=', 'failed'), eb('finishedAt', '<', failedBefore)]),
        ]),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  byId: (db: Executor, id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst(),
};
