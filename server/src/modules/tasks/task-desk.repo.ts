import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { DeskWithin } from './tasks.repo.ts';

/**
 * The desk's own reads of tasks (工作台待办): the few tasks the counters cannot place — on posts I
 * act for, or dispatched to me, but led outside my departments — counted by their post and person
 * indexes; pending extension requests (a small table); and the most urgent few of a section.
 * Counts of everything else come from task_counters.
 */
type Eb = ExpressionBuilder<DB, 'tasks'>;

/** Mine beyond my departments: my posts (not dispatched to someone) or dispatched to me. */
function mineOnly(eb: Eb, w: DeskWithin): Expression<SqlBool>[] {
  const any: Expression<SqlBool>[] = [];
  if (w.postIds.length) any.push(eb.and([eb('tasks.responsiblePostId', 'in', w.postIds), eb('tasks.handlerPersonId', 'is', null)]));
  if (w.personId) any.push(eb('tasks.handlerPersonId', '=', w.personId));
  return any;
}

/** Within my reach: the same conditions as the list's `within` (tasks.repo.ts). */
function within(eb: Eb, w: DeskWithin): Expression<SqlBool> {
  if (w.departmentIds === null) return sql<SqlBool>`1 = 1`;
  const any = mineOnly(eb, w);
  if (w.departmentIds.length) any.push(eb('tasks.leadDepartmentId', 'in', w.departmentIds));
  return any.length ? eb.or(any) : sql<SqlBool>`1 = 0`;
}

export const taskDeskRepo = {
  /** Counts by status and colour of my tasks led by none of my departments. */
  async mineOutside(db: Executor, w: DeskWithin, planId?: string) {
    if (w.departmentIds === null) return [];
    let q = db
      .selectFrom('tasks')
      .select(['status', 'warning', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => {
        const any = mineOnly(eb, w);
        return any.length ? eb.or(any) : sql<SqlBool>`1 = 0`;
      })
      .groupBy(['status', 'warning']);
    if (w.departmentIds.length) q = q.where('tasks.leadDepartmentId', 'not in', w.departmentIds);
    if (planId) q = q.where('tasks.planId', '=', planId);
    const rows = await q.execute();
    return rows.map((r) => ({ status: r.status, warning: r.warning, n: Number(r.n) }));
  },

  /** The soonest due `limit` tasks matching, within my reach (the overdue first: they are due earliest). */
  soonest(db: Executor, f: { statuses?: string[]; extensionPending?: boolean; within: DeskWithin; planId?: string }, limit: number) {
    let q = db
      .selectFrom('tasks')
      .select(['tasks.id', 'tasks.code', 'tasks.title', 'tasks.dueDate', 'tasks.warning', 'tasks.status'])
      .where((eb) => within(eb, f.within))
      .orderBy('tasks.dueDate')
      .orderBy('tasks.id')
      .limit(limit);
    if (f.statuses) q = q.where('tasks.status', 'in', f.statuses);
    if (f.extensionPending)
      q = q.where('tasks.id', 'in', (eb) => eb.selectFrom('taskExtensions').select('taskId').where('status', '=', 'pending'));
    if (f.planId) q = q.where('tasks.planId', '=', f.planId);
    return q.execute();
  },

  /** Tasks with an extension request pending, within reach: how many, how many red. */
  async pendingExtensions(db: Executor, w: DeskWithin, planId?: string) {
    let q = db
      .selectFrom('tasks')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(sql`case when ${sql.ref('tasks.warning')} = 'red' then 1 else 0 end`).as('red'),
      ])
      .where('tasks.id', 'in', (eb) => eb.selectFrom('taskExtensions').select('taskId').where('status', '=', 'pending'))
      .where((eb) => within(eb, w));
    if (planId) q = q.where('tasks.planId', '=', planId);
    const r = await q.executeTakeFirstOrThrow();
    return { count: Number(r.n), red: Number(r.red ?? 0) };
  },
};
