import type { Executor } from '../../platform/db/database.ts';
import type { DemandRow } from './demands.repo.ts';

/** The states in which an item runs against its time limit with a department (派单 to 答复). */
export const RUNNING_STATUSES = ['dispatched', 'handling'] as const;

/**
 * The SQL of `demand_deadlines`: each dispatched item's time-limit last day (copied from its
 * `public_demand` timer when dispatched) and the last day it was urged (督办).
 */
export const demandDeadlinesRepo = {
  /** the item's last day, as its timer has it; the day it was last urged stays */
  record: (db: Executor, demandId: string, dueOn: string) =>
    db
      .insertInto('demandDeadlines')
      .values({ demandId, dueOn, urgedOn: null })
      .onConflict((oc) => oc.column('demandId').doUpdateSet({ dueOn }))
      .execute(),

  /**
   * Marks the item urged today, unless it already was (the once-a-day rule holds however many
   * instances or clerks try at once: the row's condition decides). False when it already was.
   */
  async markUrged(db: Executor, demandId: string, dueOn: string, today: string): Promise<boolean> {
    const res = await db
      .insertInto('demandDeadlines')
      .values({ demandId, dueOn, urgedOn: today })
      .onConflict((oc) =>
        oc
          .column('demandId')
          .doUpdateSet({ urgedOn: today })
          .where((eb) => eb.or([eb('demandDeadlines.urgedOn', 'is', null), eb('demandDeadlines.urgedOn', '<', today)])),
      )
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /**
   * Items with a department, not merged away, due on or before `dueBy` and not urged today: the
   * daily urging's next `limit`, after `afterId` (a pass walks them by id).
   */
  dueForUrging(db: Executor, f: { dueBy: string; today: string; afterId: string }, limit: number): Promise<DemandRow[]> {
    return db
      .selectFrom('demands')
      .innerJoin('demandDeadlines', 'demandDeadlines.demandId', 'demands.id')
      .selectAll('demands')
      .where('demands.status', 'in', [...RUNNING_STATUSES])
      .where('demands.mergedIntoId', 'is', null)
      .where('demandDeadlines.dueOn', '<=', f.dueBy)
      .where((eb) => eb.or([eb('demandDeadlines.urgedOn', 'is', null), eb('demandDeadlines.urgedOn', '<', f.today)]))
      .where('demands.id', '>', f.afterId)
      .orderBy('demands.id')
      .limit(limit)
      .execute();
  },
};
