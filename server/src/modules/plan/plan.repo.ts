import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { writeEpoch } from '../../platform/db/write-epoch.ts';
import type { DB, MeasuresTable, PlansTable, ProgrammesTable } from '../../platform/db/schema.ts';

export type PlanRow = PlansTable;
export type ProgrammeRow = ProgrammesTable;
export type MeasureRow = MeasuresTable;

/** Moves on after every committed write to the plan tables: the plan catalogue cache rebuilds (plan-catalogue.ts). */
export const planTablesEpoch = writeEpoch('plan');
const planCatalogueChanged = planTablesEpoch.changed;

/** Optimistic update on any of the plan tables: false when the version moved on. */
function versioned<T extends 'plans' | 'programmes' | 'measures'>(
  db: Executor,
  table: T,
  id: string,
  version: number,
  patch: Partial<DB[T]>,
) {
  planCatalogueChanged(db);
  return updateVersioned(db, table, id, version, patch);
}

/** The plan (计划), its programmes (六大工程) and measures (举措): the only SQL on these tables. */
export const planRepo = {
  listPlans: (db: Executor) => db.selectFrom('plans').selectAll().orderBy('year', 'desc').orderBy('name').execute(),
  planById: (db: Executor, id: string) => db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst(),
  planByName: (db: Executor, name: string) => db.selectFrom('plans').selectAll().where('name', '=', name).executeTakeFirst(),
  insertPlan(db: Executor, row: PlanRow) {
    planCatalogueChanged(db);
    return db.insertInto('plans').values(row).execute();
  },
  updatePlan: (db: Executor, id: string, version: number, patch: Partial<PlanRow>) => versioned(db, 'plans', id, version, patch),

  programmesOf: (db: Executor, planId: string) =>
    db.selectFrom('programmes').selectAll().where('planId', '=', planId).orderBy('sort').orderBy('code').execute(),
  programmeById: (db: Executor, id: string) => db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst(),
  programmeByCode: (db: Executor, planId: string, code: string) =>
    db.selectFrom('programmes').selectAll().where('planId', '=', planId).where('code', '=', code).executeTakeFirst(),
  insertProgramme(db: Executor, row: ProgrammeRow) {
    planCatalogueChanged(db);
    return db.insertInto('programmes').values(row).execute();
  },
  updateProgramme: (db: Executor, id: string, version: number, patch: Partial<ProgrammeRow>) =>
    versioned(db, 'programmes', id, version, patch),

  measuresOf: (db: Executor, planId: string) =>
    db.selectFrom('measures').selectAll().where('planId', '=', planId).orderBy('sort').orderBy('code').execute(),
  measureById: (db: Executor, id: string) => db.selectFrom('measures').selectAll().where('id', '=', id).executeTakeFirst(),
  measureByCode: (db: Executor, planId: string, code: string) =>
    db.selectFrom('measures').selectAll().where('planId', '=', planId).where('code', '=', code).executeTakeFirst(),
  insertMeasure(db: Executor, row: MeasureRow) {
    planCatalogueChanged(db);
    return db.insertInto('measures').values(row).execute();
  },
  updateMeasure: (db: Executor, id: string, version: number, patch: Partial<MeasureRow>) => versioned(db, 'measures', id, version, patch),
};
