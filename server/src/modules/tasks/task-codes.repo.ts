import type { Executor } from '../../platform/db/database.ts';

/** 自动编号: the per-(plan, prefix) counter behind automatic task codes. */
export const taskCodesRepo = {
  /**
   * The next number for codes `<prefix>NN` in a plan, in one statement (made on first use). On
   * PostgreSQL the counter row stays locked until the caller's transaction ends, so concurrent
   * creates in one measure take numbers one after another.
   */
  async take(db: Executor, planId: string, prefix: string): Promise<number> {
    const row = await db
      .insertInto('taskCodeCounters')
      .values({ planId, prefix, lastNumber: 1 })
      .onConflict((oc) => oc.columns(['planId', 'prefix']).doUpdateSet((eb) => ({ lastNumber: eb('taskCodeCounters.lastNumber', '+', 1) })))
      .returning('lastNumber')
      .executeTakeFirstOrThrow();
    return Number(row.lastNumber);
  },
  /** Move the counter on to a number found free (past codes typed by hand or imported). */
  skipTo: (db: Executor, planId: string, prefix: string, lastNumber: number) =>
    db.updateTable('taskCodeCounters').set({ lastNumber }).where('planId', '=', planId).where('prefix', '=', prefix).execute(),
};
