import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { TimeLimitRulesTable, TimersTable } from '../../platform/db/schema.ts';

export type RuleRow = TimeLimitRulesTable;
export type TimerRow = TimersTable;

/** The SQL of the rule table (办结时限). */
export const rulesRepo = {
  all: (db: Executor) => db.selectFrom('timeLimitRules').selectAll().execute(),
  byKind: (db: Executor, kind: string) => db.selectFrom('timeLimitRules').selectAll().where('kind', '=', kind).executeTakeFirst(),
  update: (db: Executor, kind: string, patch: Omit<RuleRow, 'kind'>) =>
    db.updateTable('timeLimitRules').set(patch).where('kind', '=', kind).execute(),
};

/** Whose timers the statistics count: all, or these departments' and this person's own. */
export type TimerVisibility = { all: true } | { all: false; departmentIds: string[]; personId: string | null };

export type FiguresFilter = {
  kind?: string;
  /** one department's subtree (already resolved), or any */
  departmentIds?: string[];
  from?: string;
  to?: string;
  /** open items due before this day are past their limit */
  today: string;
};

/** One group of the statistics: a department and an owner (null: nobody named). */
export type FiguresRow = {
  departmentId: string;
  ownerPersonId: string | null;
  doneOnTime: number;
  doneLate: number;
  openWithinLimit: number;
  openOverdue: number;
};

/** The SQL of the timers (one per item). */
export const timersRepo = {
  byKey: (db: Executor, kind: string, subjectId: string) =>
    db.selectFrom('timers').selectAll().where('kind', '=', kind).where('subjectId', '=', subjectId).executeTakeFirst(),

  insert: (db: Executor, row: TimerRow) =>
    db
      .insertInto('timers')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .execute(),

  /** Changes a timer; `open`: only while it is not done. */
  async update(db: Executor, kind: string, subjectId: string, patch: Partial<TimerRow>, opts: { open?: boolean } = {}) {
    let q = db.updateTable('timers').set(patch).where('kind', '=', kind).where('subjectId', '=', subjectId);
    if (opts.open) q = q.where('doneAt', 'is', null);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  },

  remove: (db: Executor, kind: string, subjectId: string) =>
    db.deleteFrom('timers').where('kind', '=', kind).where('subjectId', '=', subjectId).execute(),

  ofSubjects: (db: Executor, kind: string, subjectIds: string[]) =>
    subjectIds.length === 0
      ? Promise.resolve([] as TimerRow[])
      : db.selectFrom('timers').selectAll().where('kind', '=', kind).where('subjectId', 'in', subjectIds).execute(),

  /** The four counts by department and owner, in one pass over the items due in the range. */
  async figures(db: Executor, v: TimerVisibility, f: FiguresFilter): Promise<FiguresRow[]> {
    const count = (cond: Expression<SqlBool>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
    const rows = await db
      .selectFrom('timers')
      .where((eb) => {
        const all: Expression<SqlBool>[] = [];
        if (!v.all) {
          const any: Expression<SqlBool>[] = [];
          if (v.departmentIds.length) any.push(eb('timers.departmentId', 'in', v.departmentIds));
          if (v.personId) any.push(eb('timers.ownerPersonId', '=', v.personId));
          all.push(any.length ? eb.or(any) : sql<SqlBool>`1 = 0`);
        }
        if (f.departmentIds) all.push(f.departmentIds.length ? eb('timers.departmentId', 'in', f.departmentIds) : sql<SqlBool>`1 = 0`);
        if (f.kind) all.push(eb('timers.kind', '=', f.kind));
        if (f.from) all.push(eb('timers.dueOn', '>=', f.from));
        if (f.to) all.push(eb('timers.dueOn', '<=', f.to));
        return eb.and(all);
      })
      .select((eb) => [
        'timers.departmentId',
        'timers.ownerPersonId',
        count(eb.and([eb('timers.doneAt', 'is not', null), eb('timers.onTime', '=', 1)])).as('doneOnTime'),
        count(eb.and([eb('timers.doneAt', 'is not', null), eb('timers.onTime', '=', 0)])).as('doneLate'),
        count(eb.and([eb('timers.doneAt', 'is', null), eb('timers.dueOn', '>=', f.today)])).as('openWithinLimit'),
        count(eb.and([eb('timers.doneAt', 'is', null), eb('timers.dueOn', '<', f.today)])).as('openOverdue'),
      ])
      .groupBy(['timers.departmentId', 'timers.ownerPersonId'])
      .execute();
    // PostgreSQL answers sums as text (bigint)
    return rows.map((r) => ({
      departmentId: r.departmentId,
      ownerPersonId: r.ownerPersonId,
      doneOnTime: Number(r.doneOnTime),
      doneLate: Number(r.doneLate),
      openWithinLimit: Number(r.openWithinLimit),
      openOverdue: Number(r.openOverdue),
    }));
  },
};
