import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { DB, RectificationEventsTable, RectificationRevisitsTable, RectificationsTable } from '../../platform/db/schema.ts';

export type RectificationRow = RectificationsTable;
export type RectificationEventRow = RectificationEventsTable;
export type RectificationRevisitRow = RectificationRevisitsTable;

/** Statuses whose time is still running: the department has not been signed off (verify stops the timer). */
export const RUNNING_STATUSES = ['open', 'returned', 'submitted'] as const;

/**
 * 待整改 for one person (the desk, `?desk=handle`): in these states, and owned by them — or of their
 * department while nobody owns it, or any of it when they head the department. null: nobody's.
 */
export type RectificationHandler = { personId: string; departmentId: string | null; heads: boolean; statuses: readonly string[] };

export type RectificationFilter = {
  /** departments the actor may see; null: all */
  departmentIds: string[] | null;
  status?: string;
  departmentId?: string;
  source?: string;
  /** running and due before this day */
  overdueBefore?: string;
  /** running and due on or after this day (overdue=false) */
  notOverdueFrom?: string;
  revisited?: boolean;
  handler?: RectificationHandler | null;
};

type Eb = ExpressionBuilder<DB, 'rectifications'>;
const none = sql<SqlBool>`1 = 0`;

function handledBy(eb: Eb, h: RectificationHandler): Expression<SqlBool> {
  const mine: Expression<SqlBool>[] = [eb('rectifications.ownerPersonId', '=', h.personId)];
  if (h.departmentId) {
    const ofMyDepartment = eb('rectifications.departmentId', '=', h.departmentId);
    mine.push(h.heads ? ofMyDepartment : eb.and([ofMyDepartment, eb('rectifications.ownerPersonId', 'is', null)]));
  }
  return eb.and([eb('rectifications.status', 'in', [...h.statuses]), eb.or(mine)]);
}

function conditions(eb: Eb, f: RectificationFilter, withStatus: boolean): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.departmentIds !== null) all.push(f.departmentIds.length ? eb('rectifications.departmentId', 'in', f.departmentIds) : none);
  if (withStatus && f.status) all.push(eb('rectifications.status', '=', f.status));
  if (f.departmentId) all.push(eb('rectifications.departmentId', '=', f.departmentId));
  if (f.source) all.push(eb('rectifications.source', '=', f.source));
  if (f.revisited !== undefined) all.push(eb('rectifications.revisited', '=', f.revisited ? 1 : 0));
  if (f.overdueBefore)
    all.push(eb.and([eb('rectifications.status', 'in', [...RUNNING_STATUSES]), eb('rectifications.dueOn', '<', f.overdueBefore)]));
  if (f.notOverdueFrom)
    all.push(eb.or([eb('rectifications.status', 'not in', [...RUNNING_STATUSES]), eb('rectifications.dueOn', '>=', f.notOverdueFrom)]));
  if (f.handler !== undefined) all.push(f.handler ? handledBy(eb, f.handler) : none);
  return eb.and(all);
}

/** The SQL of 整改: items, their history and their revisits. */
export const rectificationRepo = {
  byId: (db: Executor, id: string) => db.selectFrom('rectifications').selectAll().where('id', '=', id).executeTakeFirst(),
  bySource: (db: Executor, source: string, sourceId: string) =>
    db.selectFrom('rectifications').selectAll().where('source', '=', source).where('sourceId', '=', sourceId).executeTakeFirst(),
  bySources: (db: Executor, source: string, sourceIds: string[]) =>
    sourceIds.length
      ? db.selectFrom('rectifications').selectAll().where('source', '=', source).where('sourceId', 'in', sourceIds).execute()
      : Promise.resolve([] as RectificationRow[]),
  insert: (db: Executor, row: RectificationRow) => db.insertInto('rectifications').values(row).execute(),
  /** Optimistic update: false when the version moved on. */
  update: (db: Executor, id: string, version: number, patch: Partial<RectificationRow>) =>
    updateVersioned(db, 'rectifications', id, version, patch),

  /**
   * The next ZG number of a year, in one statement (made on first use). On PostgreSQL the counter
   * row stays locked until the caller's transaction ends, so concurrent openings take numbers in turn.
   */
  async takeNumber(db: Executor, year: number): Promise<number> {
    const row = await db
      .insertInto('rectificationCodeCounters')
      .values({ year, lastNumber: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ lastNumber: eb('rectificationCodeCounters.lastNumber', '+', 1) })))
      .returning('lastNumber')
      .executeTakeFirstOrThrow();
    return Number(row.lastNumber);
  },

  /** A page: running ones soonest due first, then the rest newest first; with the total and per-status counts. */
  async page(db: Executor, f: RectificationFilter, page: { limit: number; offset: number }) {
    const base = db.selectFrom('rectifications').where((eb) => conditions(eb, f, true));
    const running = sql<number>`case when ${sql.ref('rectifications.status')} in ('open', 'returned', 'submitted') then 0 else 1 end`;
    const [items, total, byStatus] = await Promise.all([
      base
        .selectAll()
        .orderBy(running)
        .orderBy(
          sql`case when ${sql.ref('rectifications.status')} in ('open', 'returned', 'submitted') then ${sql.ref('rectifications.dueOn')} else '' end`,
        )
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      db
        .selectFrom('rectifications')
        .where((eb) => conditions(eb, f, false))
        .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute(),
    ]);
    return { items, total: Number(total.n), byStatus: byStatus.map((r) => ({ status: r.status, n: Number(r.n) })) };
  },

  /** How many of the filter (any status) are running past their date. */
  async overdueCount(db: Executor, f: RectificationFilter, today: string) {
    const row = await db
      .selectFrom('rectifications')
      .where((eb) => conditions(eb, { ...f, status: undefined, overdueBefore: today, notOverdueFrom: undefined }, false))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The desk: how many match, how many are past their date (its filters hold running items only), the soonest due few. */
  async soonest(db: Executor, f: RectificationFilter, today: string, limit: number) {
    const base = db.selectFrom('rectifications').where((eb) => conditions(eb, f, true));
    const late = sql<number>`sum(case when ${sql.ref('rectifications.dueOn')} < ${today} then 1 else 0 end)`;
    const [figures, items] = await Promise.all([
      base.select((eb) => [eb.fn.countAll<number>().as('n'), late.as('late')]).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('dueOn').orderBy('id').limit(limit).execute(),
    ]);
    // PostgreSQL answers counts and sums as text (bigint), and a sum over nothing as null
    return { count: Number(figures.n), overdue: Number(figures.late ?? 0), items };
  },

  events: (db: Executor, id: string) =>
    db.selectFrom('rectificationEvents').selectAll().where('rectificationId', '=', id).orderBy('at').orderBy('id').execute(),
  addEvent: (db: Executor, row: RectificationEventRow) => db.insertInto('rectificationEvents').values(row).execute(),
  revisits: (db: Executor, id: string) =>
    db.selectFrom('rectificationRevisits').selectAll().where('rectificationId', '=', id).orderBy('revisitedOn').orderBy('id').execute(),
  addRevisit: (db: Executor, row: RectificationRevisitRow) => db.insertInto('rectificationRevisits').values(row).execute(),
};
