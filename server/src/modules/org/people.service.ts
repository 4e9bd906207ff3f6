import type { Executor } from '../../platform/db/database.ts';

/** Name and department of a person, for other modules (identity builds actors from it). */
export function personBasics(db: Executor, personId: string) {
  return db.selectFrom('people').select(['id', 'name', 'departmentId']).where('id', '=', personId).executeTakeFirst();
}
