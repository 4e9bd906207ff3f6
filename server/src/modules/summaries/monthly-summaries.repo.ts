import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { MonthlySummariesTable } from '../../platform/db/schema-summaries.ts';

export type MonthlySummaryRow = MonthlySummariesTable;

/** Which rows a list may show: all, or those of the actor's departments. */
export type DepartmentVisibility = { all: true } | { all: false; departmentIds: string[] };
export type MonthlySummaryFilter = { month?: string; departmentId?: string; status?: string };

/** The SQL of 月度小结. */
export const monthlySummariesRepo = {
  byId: (db: Executor, id: string) => db.selectFrom('monthlySummaries').selectAll().where('id', '=', id).executeTakeFirst(),
  ofMonth: (db: Executor, month: string, departmentId: string) =>
    db.selectFrom('monthlySummaries').selectAll().where('month', '=', month).where('departmentId', '=', departmentId).executeTakeFirst(),
  insert: (db: Executor, row: MonthlySummaryRow) => db.insertInto('monthlySummaries').values(row).execute(),
  /** Optimistic update: false when the version moved on. */
  update: (db: Executor, id: string, version: number, patch: Partial<MonthlySummaryRow>) =>
    updateVersioned(db, 'monthlySummaries', id, version, patch),

  /** The departments already asked for (or reporting on) a month. */
  async departmentsOfMonth(db: Executor, month: string): Promise<Set<string>> {
    const rows = await db.selectFrom('monthlySummaries').select('departmentId').where('month', '=', month).execute();
    return new Set(rows.map((r) => r.departmentId));
  },
  /** Every summary of a month in a state, e.g. the accepted ones a compilation carries. */
  ofMonthIn: (db: Executor, month: string, statuses: string[]) =>
    db.selectFrom('monthlySummaries').selectAll().where('month', '=', month).where('status', 'in', statuses).execute(),
  /** The summaries a published compilation carries. */
  ofDocument: (db: Executor, documentId: string) =>
    db.selectFrom('monthlySummaries').selectAll().where('documentId', '=', documentId).execute(),
  attachToDocument: (db: Executor, ids: string[], documentId: string) =>
    ids.length ? db.updateTable('monthlySummaries').set({ documentId }).where('id', 'in', ids).execute() : Promise.resolve([]),

  /** A page, newest month first, then by status (waiting for the office first) and department. */
  async page(db: Executor, v: DepartmentVisibility, f: MonthlySummaryFilter, page: { limit: number; offset: number }) {
    let q = db.selectFrom('monthlySummaries');
    if (!v.all) q = v.departmentIds.length ? q.where('departmentId', 'in', v.departmentIds) : q.where(sql<SqlBool>`1 = 0`);
    if (f.month) q = q.where('month', '=', f.month);
    if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
    if (f.status) q = q.where('status', '=', f.status);
    const waitingFirst = sql<number>`case status when 'submitted' then 0 when 'returned' then 1 when 'requested' then 2 else 3 end`;
    const [items, total] = await Promise.all([
      q.selectAll().orderBy('month', 'desc').orderBy(waitingFirst).orderBy('id').limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },
};
