import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DB, PlannedAbsencesTable } from '../../platform/db/schema.ts';

export type PlannedAbsenceRow = PlannedAbsencesTable;

/** Whose absences the actor may list: all, or those of their departments (heads, office) and their own. */
export type AbsenceVisibility = { all: true } | { all: false; departmentIds: string[]; personId: string | null };
export type AbsenceFilter = { personId?: string; departmentId?: string; status?: string };

type Eb = ExpressionBuilder<DB, 'plannedAbsences'>;
const OPEN = ['scheduled', 'active'];

function conditions(eb: Eb, v: AbsenceVisibility, f: AbsenceFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (!v.all) {
    const any: Expression<SqlBool>[] = [];
    if (v.departmentIds.length) any.push(eb('plannedAbsences.departmentId', 'in', v.departmentIds));
    if (v.personId) any.push(eb('plannedAbsences.personId', '=', v.personId));
    all.push(any.length ? eb.or(any) : sql<SqlBool>`1 = 0`);
  }
  if (f.personId) all.push(eb('plannedAbsences.personId', '=', f.personId));
  if (f.departmentId) all.push(eb('plannedAbsences.departmentId', '=', f.departmentId));
  if (f.status) all.push(eb('plannedAbsences.status', '=', f.status));
  return eb.and(all);
}

/** The SQL of planned absences (登记请假/出差/培训). */
export const plannedAbsencesRepo = {
  byId: (db: Executor, id: string) => db.selectFrom('plannedAbsences').selectAll().where('id', '=', id).executeTakeFirst(),
  insert: (db: Executor, row: PlannedAbsenceRow) => db.insertInto('plannedAbsences').values(row).execute(),

  /** Moves an absence on only from the status the caller read: false when another run (or person) got there first. */
  async moveStatus(
    db: Executor,
    row: Pick<PlannedAbsenceRow, 'id' | 'status' | 'version'>,
    to: string,
    updatedAt: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('plannedAbsences')
      .set({ status: to, updatedAt, version: row.version + 1 })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .where('version', '=', row.version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** A scheduled or active absence of this person that shares any time with [startsAt, endsAt). */
  overlapping: (db: Executor, personId: string, startsAt: string, endsAt: string) =>
    db
      .selectFrom('plannedAbsences')
      .selectAll()
      .where('personId', '=', personId)
      .where('status', 'in', OPEN)
      .where('startsAt', '<', endsAt)
      .where('endsAt', '>', startsAt)
      .orderBy('startsAt')
      .executeTakeFirst(),

  /** Scheduled ones whose start has come (the minute job), earliest first. */
  dueToStart: (db: Executor, now: string, limit = 500) =>
    db
      .selectFrom('plannedAbsences')
      .select('id')
      .where('status', '=', 'scheduled')
      .where('startsAt', '<=', now)
      .orderBy('startsAt')
      .limit(limit)
      .execute(),
  /** Active ones whose end has come (the minute job), earliest first. */
  dueToEnd: (db: Executor, now: string, limit = 500) =>
    db
      .selectFrom('plannedAbsences')
      .select('id')
      .where('status', '=', 'active')
      .where('endsAt', '<=', now)
      .orderBy('endsAt')
      .limit(limit)
      .execute(),

  /** A page: open ones (scheduled, active) first, each group by start; with the total. */
  async page(db: Executor, v: AbsenceVisibility, f: AbsenceFilter, page: { limit: number; offset: number }) {
    const base = db.selectFrom('plannedAbsences').where((eb) => conditions(eb, v, f));
    const [items, total] = await Promise.all([
      base
        .selectAll()
        .orderBy(sql`case when ${sql.ref('plannedAbsences.status')} in ('scheduled', 'active') then 0 else 1 end`)
        .orderBy('startsAt')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },
};
