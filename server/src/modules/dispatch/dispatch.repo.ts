import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type {
  DispatchAttendeesTable,
  DispatchDecisionsTable,
  DispatchItemsTable,
  DispatchSheetsTable,
} from '../../platform/db/schema-dispatch.ts';

export type SheetRow = DispatchSheetsTable;
export type ItemRow = DispatchItemsTable;
export type AttendeeRow = DispatchAttendeesTable;
export type DecisionRow = DispatchDecisionsTable;

/** Which sheets a list may show: all, or those of the actor's departments. */
export type SheetVisibility = { all: true } | { all: false; departmentIds: string[] };
export type SheetFilter = { planId?: string; departmentId?: string; status?: string; week?: string };

/** The SQL of 调度单, their items, attendance and decisions. */
export const dispatchRepo = {
  sheetById: (db: Executor, id: string) => db.selectFrom('dispatchSheets').selectAll().where('id', '=', id).executeTakeFirst(),
  sheetOfWeek: (db: Executor, planId: string, departmentId: string, week: string) =>
    db
      .selectFrom('dispatchSheets')
      .selectAll()
      .where('planId', '=', planId)
      .where('departmentId', '=', departmentId)
      .where('week', '=', week)
      .executeTakeFirst(),
  insertSheet: (db: Executor, row: SheetRow) => db.insertInto('dispatchSheets').values(row).execute(),
  /** Optimistic update: false when the version moved on. */
  updateSheet: (db: Executor, id: string, version: number, patch: Partial<SheetRow>) =>
    updateVersioned(db, 'dispatchSheets', id, version, patch),

  /** A page of sheets, newest week first, with the total. */
  async page(db: Executor, v: SheetVisibility, f: SheetFilter, page: { limit: number; offset: number }) {
    let q = db.selectFrom('dispatchSheets');
    if (!v.all) q = v.departmentIds.length ? q.where('departmentId', 'in', v.departmentIds) : q.where(sql<SqlBool>`1 = 0`);
    if (f.planId) q = q.where('planId', '=', f.planId);
    if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.week) q = q.where('week', '=', f.week);
    const [items, total] = await Promise.all([
      q.selectAll().orderBy('weekStart', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  /** Items, decisions and made tasks per sheet, for the list. */
  async countsOf(db: Executor, sheetIds: string[]) {
    const out = new Map<string, { items: number; decisions: number; tasks: number }>();
    if (sheetIds.length === 0) return out;
    const [items, decisions] = await Promise.all([
      db
        .selectFrom('dispatchItems')
        .select(['sheetId', (eb) => eb.fn.countAll<number>().as('n')])
        .where('sheetId', 'in', sheetIds)
        .groupBy('sheetId')
        .execute(),
      db
        .selectFrom('dispatchDecisions')
        .select(['sheetId', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('taskId').as('tasks')])
        .where('sheetId', 'in', sheetIds)
        .groupBy('sheetId')
        .execute(),
    ]);
    for (const id of sheetIds) out.set(id, { items: 0, decisions: 0, tasks: 0 });
    for (const r of items) out.get(r.sheetId)!.items = Number(r.n);
    for (const r of decisions) Object.assign(out.get(r.sheetId)!, { decisions: Number(r.n), tasks: Number(r.tasks) });
    return out;
  },

  itemsOf: (db: Executor, sheetId: string) =>
    db.selectFrom('dispatchItems').selectAll().where('sheetId', '=', sheetId).orderBy('sort').orderBy('id').execute(),
  /** The sheet's items become exactly these (the editor's save, or the draft). */
  async replaceItems(db: Executor, sheetId: string, rows: ItemRow[]) {
    await db.deleteFrom('dispatchItems').where('sheetId', '=', sheetId).execute();
    // a few hundred rows at most; chunks keep each statement under SQLite's parameter limit
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('dispatchItems')
        .values(rows.slice(i, i + 100))
        .execute();
  },

  attendeesOf: (db: Executor, sheetId: string) =>
    db.selectFrom('dispatchAttendees').selectAll().where('sheetId', '=', sheetId).orderBy('sort').execute(),
  async replaceAttendees(db: Executor, sheetId: string, rows: AttendeeRow[]) {
    await db.deleteFrom('dispatchAttendees').where('sheetId', '=', sheetId).execute();
    if (rows.length) await db.insertInto('dispatchAttendees').values(rows).execute();
  },

  decisionsOf: (db: Executor, sheetId: string) =>
    db.selectFrom('dispatchDecisions').selectAll().where('sheetId', '=', sheetId).orderBy('sort').orderBy('id').execute(),
  insertDecision: (db: Executor, row: DecisionRow) => db.insertInto('dispatchDecisions').values(row).execute(),
  deleteDecision: (db: Executor, id: string) => db.deleteFrom('dispatchDecisions').where('id', '=', id).execute(),
  linkTask: (db: Executor, id: string, taskId: string, at: string) =>
    db.updateTable('dispatchDecisions').set({ taskId, taskMadeAt: at }).where('id', '=', id).where('taskId', 'is', null).execute(),
  /** Decisions about items that are no longer on the sheet keep their text and lose the link. */
  detachDecisions: (db: Executor, sheetId: string, keptItemIds: string[]) => {
    let q = db.updateTable('dispatchDecisions').set({ itemId: null }).where('sheetId', '=', sheetId).where('itemId', 'is not', null);
    if (keptItemIds.length) q = q.where('itemId', 'not in', keptItemIds);
    return q.execute();
  },
};
