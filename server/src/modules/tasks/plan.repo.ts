import type { Executor } from '../../platform/db/database.ts';
import type { MeasuresTable, PlansTable, ProgrammesTable, TaskRollupsTable } from '../../platform/db/schema.ts';

export type PlanRow = PlansTable;
export type ProgrammeRow = ProgrammesTable;
export type MeasureRow = MeasuresTable;
export type RollupRow = TaskRollupsTable;

/** Optimistic update on any of the plan tables: false when the version moved on. */
async function versioned<T extends 'plans' | 'programmes' | 'measures'>(db: Executor, table: T, id: string, version: number, patch: Record<string, unknown>) {
  const r = await db.updateTable(table as 'plans').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The plan (计划), its programmes (六大工程) and measures (举措): the only SQL on these tables. */
export const planRepo = {
  listPlans: (db: Executor) => db.selectFrom('plans').selectAll().orderBy('year', 'desc').orderBy('name').execute(),
  planById: (db: Executor, id: string) => db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst(),
  plansByIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as PlanRow[]);
    return db.selectFrom('plans').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  },
  planByName: (db: Executor, name: string) => db.selectFrom('plans').selectAll().where('name', '=', name).executeTakeFirst(),
  insertPlan: (db: Executor, row: PlanRow) => db.insertInto('plans').values(row).execute(),
  updatePlan: (db: Executor, id: string, version: number, patch: Partial<PlanRow>) => versioned(db, 'plans', id, version, patch),

  programmesOf: (db: Executor, planId: string) =>
    db.selectFrom('programmes').selectAll().where('planId', '=', planId).orderBy('sort').orderBy('code').execute(),
  programmeById: (db: Executor, id: string) => db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst(),
  programmeByCode: (db: Executor, planId: string, code: string) =>
    db.selectFrom('programmes').selectAll().where('planId', '=', planId).where('code', '=', code).executeTakeFirst(),
  insertProgramme: (db: Executor, row: ProgrammeRow) => db.insertInto('programmes').values(row).execute(),
  updateProgramme: (db: Executor, id: string, version: number, patch: Partial<ProgrammeRow>) => versioned(db, 'programmes', id, version, patch),

  measuresOf: (db: Executor, planId: string) =>
    db.selectFrom('measures').selectAll().where('planId', '=', planId).orderBy('sort').orderBy('code').execute(),
  measureById: (db: Executor, id: string) => db.selectFrom('measures').selectAll().where('id', '=', id).executeTakeFirst(),
  measuresByIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as MeasureRow[]);
    return db.selectFrom('measures').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  },
  programmesByIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as ProgrammeRow[]);
    return db.selectFrom('programmes').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  },
  measureByCode: (db: Executor, planId: string, code: string) =>
    db.selectFrom('measures').selectAll().where('planId', '=', planId).where('code', '=', code).executeTakeFirst(),
  insertMeasure: (db: Executor, row: MeasureRow) => db.insertInto('measures').values(row).execute(),
  updateMeasure: (db: Executor, id: string, version: number, patch: Partial<MeasureRow>) => versioned(db, 'measures', id, version, patch),

  /** The roll-up counters of a plan: a few rows per measure (status × colour). */
  rollupRows: (db: Executor, planId: string) => db.selectFrom('taskRollups').selectAll().where('planId', '=', planId).execute(),
};
