import type { Executor } from '../../platform/db/database.ts';
import type { DocumentNumbersTable } from '../../platform/db/schema-document-numbers.ts';

/** The SQL of 发文字号: the per-(prefix, year) counters and the numbers given. */
export const documentNumbersRepo = {
  /**
   * The next number of the series, in one statement (the counter is made on first use). On
   * PostgreSQL the counter row stays locked until the caller's transaction ends, so concurrent
   * reservations take numbers one after another.
   */
  async takeNext(db: Executor, prefix: string, year: number): Promise<number> {
    const row = await db
      .insertInto('documentNumberCounters')
      .values({ prefix, year, lastSeq: 1 })
      .onConflict((oc) => oc.columns(['prefix', 'year']).doUpdateSet((eb) => ({ lastSeq: eb('documentNumberCounters.lastSeq', '+', 1) })))
      .returning('lastSeq')
      .executeTakeFirstOrThrow();
    return Number(row.lastSeq);
  },

  /** Take the series' counter row without moving it, so that a number typed by hand queues behind reservations of the same series. */
  async lockSeries(db: Executor, prefix: string, year: number): Promise<void> {
    await db
      .insertInto('documentNumberCounters')
      .values({ prefix, year, lastSeq: 0 })
      .onConflict((oc) => oc.columns(['prefix', 'year']).doUpdateSet((eb) => ({ lastSeq: eb.ref('documentNumberCounters.lastSeq') })))
      .execute();
  },

  async isTaken(db: Executor, prefix: string, year: number, seq: number): Promise<boolean> {
    const row = await db
      .selectFrom('documentNumbers')
      .select('id')
      .where('prefix', '=', prefix)
      .where('year', '=', year)
      .where('seq', '=', seq)
      .executeTakeFirst();
    return row !== undefined;
  },

  insert: (db: Executor, row: DocumentNumbersTable) => db.insertInto('documentNumbers').values(row).execute(),
};
