import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { writeEpoch } from '../../platform/db/write-epoch.ts';
import type { DB, InstructionsTable } from '../../platform/db/schema.ts';

export type InstructionRow = InstructionsTable;

/** Moves on after every committed write to instructions (the desk's answers are kept until then). */
export const instructionsEpoch = writeEpoch('instructions');

/** Who may see which instructions, resolved before the query: all, or their departments' and their own. */
export type InstructionVisibility = { all: true } | { all: false; departmentIds: string[]; userId: string };

export type InstructionFilter = {
  /** addressed to one of these departments (null: any) */
  departmentIds?: string[] | null;
  /** given by this account */
  leaderUserId?: string;
  state?: string;
  /** awaiting feedback whose date is before this day (逾期未反馈) */
  overdueBefore?: string;
  taskId?: string;
  departmentId?: string;
};

type Eb = ExpressionBuilder<DB, 'instructions'>;
const none = sql<SqlBool>`1 = 0`;

function conditions(eb: Eb, v: InstructionVisibility, f: InstructionFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (!v.all) {
    const any: Expression<SqlBool>[] = [eb('instructions.leaderUserId', '=', v.userId)];
    if (v.departmentIds.length) any.push(eb('instructions.departmentId', 'in', v.departmentIds));
    all.push(eb.or(any));
  }
  if (f.departmentIds !== undefined && f.departmentIds !== null)
    all.push(f.departmentIds.length ? eb('instructions.departmentId', 'in', f.departmentIds) : none);
  if (f.leaderUserId) all.push(eb('instructions.leaderUserId', '=', f.leaderUserId));
  if (f.state) all.push(eb('instructions.state', '=', f.state));
  if (f.overdueBefore)
    all.push(eb.and([eb('instructions.state', '=', 'awaiting'), eb('instructions.feedbackDueDate', '<', f.overdueBefore)]));
  if (f.taskId) all.push(eb('instructions.taskId', '=', f.taskId));
  if (f.departmentId) all.push(eb('instructions.departmentId', '=', f.departmentId));
  return eb.and(all);
}

/** The SQL of 领导批示 and 落实反馈. */
export const instructionsRepo = {
  byId: (db: Executor, id: string) => db.selectFrom('instructions').selectAll().where('id', '=', id).executeTakeFirst(),
  insert(db: Executor, row: InstructionRow) {
    instructionsEpoch.changed(db);
    return db.insertInto('instructions').values(row).execute();
  },
  /** Optimistic update: false when the version moved on. */
  update(db: Executor, id: string, version: number, patch: Partial<InstructionRow>) {
    instructionsEpoch.changed(db);
    return updateVersioned(db, 'instructions', id, version, patch);
  },

  /** A page, awaiting ones soonest due first when the filter asks for them, else newest first; with the total. */
  async page(db: Executor, v: InstructionVisibility, f: InstructionFilter, page: { limit: number; offset: number }) {
    const base = db.selectFrom('instructions').where((eb) => conditions(eb, v, f));
    const byDue = f.state === 'awaiting' || !!f.overdueBefore;
    const ordered = byDue ? base.orderBy('feedbackDueDate').orderBy('id') : base.orderBy('id', 'desc');
    const [items, total] = await Promise.all([
      ordered.selectAll().limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  /** Awaiting feedback for the desk: how many, how many past their date, and the soonest few. */
  async awaiting(db: Executor, f: { departmentIds: string[] | null } | { leaderUserId: string }, today: string, limit: number) {
    const base = db
      .selectFrom('instructions')
      .where((eb) =>
        eb.and([
          eb('instructions.state', '=', 'awaiting'),
          'leaderUserId' in f
            ? eb('instructions.leaderUserId', '=', f.leaderUserId)
            : f.departmentIds === null
              ? sql<SqlBool>`1 = 1`
              : f.departmentIds.length
                ? eb('instructions.departmentId', 'in', f.departmentIds)
                : none,
        ]),
      );
    const [counts, items] = await Promise.all([
      base
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.sum<number>(sql`case when ${sql.ref('instructions.feedbackDueDate')} < ${today} then 1 else 0 end`).as('overdue'),
        ])
        .executeTakeFirstOrThrow(),
      base.selectAll().orderBy('feedbackDueDate').orderBy('id').limit(limit).execute(),
    ]);
    return { count: Number(counts.n), overdue: Number(counts.overdue ?? 0), items };
  },
};
