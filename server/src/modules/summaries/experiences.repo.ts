import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { TypicalExperiencesTable } from '../../platform/db/schema-summaries.ts';
import type { DepartmentVisibility } from './monthly-summaries.repo.ts';

export type ExperienceRow = TypicalExperiencesTable;
export type ExperienceFilter = { period?: string; departmentId?: string; status?: string };

/** The SQL of 典型经验. */
export const experiencesRepo = {
  byId: (db: Executor, id: string) => db.selectFrom('typicalExperiences').selectAll().where('id', '=', id).executeTakeFirst(),
  titled: (db: Executor, departmentId: string, period: string, title: string, exceptId = '') =>
    db
      .selectFrom('typicalExperiences')
      .select('id')
      .where('departmentId', '=', departmentId)
      .where('period', '=', period)
      .where('title', '=', title)
      .where('id', '!=', exceptId)
      .executeTakeFirst(),
  insert: (db: Executor, row: ExperienceRow) => db.insertInto('typicalExperiences').values(row).execute(),
  /** Optimistic update: false when the version moved on. */
  update: (db: Executor, id: string, version: number, patch: Partial<ExperienceRow>) =>
    updateVersioned(db, 'typicalExperiences', id, version, patch),

  /** The half year's selected experiences (a collection's draft), in the order they were selected. */
  selectedOf: (db: Executor, period: string) =>
    db
      .selectFrom('typicalExperiences')
      .selectAll()
      .where('period', '=', period)
      .where('status', '=', 'selected')
      .orderBy('selectedAt')
      .orderBy('id')
      .execute(),
  /** What a published collection carries, in the order it printed them (the order they were selected). */
  ofDocument: (db: Executor, documentId: string) =>
    db.selectFrom('typicalExperiences').selectAll().where('documentId', '=', documentId).orderBy('selectedAt').orderBy('id').execute(),
  publish: (db: Executor, ids: string[], documentId: string, at: string) =>
    db
      .updateTable('typicalExperiences')
      .set((eb) => ({ status: 'published', documentId, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', 'in', ids)
      .where('status', '=', 'selected')
      .executeTakeFirst(),

  /** A page, newest half year first, then the selected ones, then by submission. */
  async page(db: Executor, v: DepartmentVisibility, f: ExperienceFilter, page: { limit: number; offset: number }) {
    let q = db.selectFrom('typicalExperiences');
    if (!v.all) q = v.departmentIds.length ? q.where('departmentId', 'in', v.departmentIds) : q.where(sql<SqlBool>`1 = 0`);
    if (f.period) q = q.where('period', '=', f.period);
    if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
    if (f.status) q = q.where('status', '=', f.status);
    const [items, total] = await Promise.all([
      q.selectAll().orderBy('period', 'desc').orderBy('submittedAt', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },
};
