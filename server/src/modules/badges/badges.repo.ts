import type { Executor } from '../../platform/db/database.ts';
import type { BadgesTable } from '../../platform/db/schema.ts';

export type BadgeRow = BadgesTable;

/** 亮牌上岗's SQL: one badge row per person. */
export const badgesRepo = {
  byPerson: (db: Executor, personId: string) => db.selectFrom('badges').selectAll().where('personId', '=', personId).executeTakeFirst(),
  async byPeople(db: Executor, personIds: string[]): Promise<Map<string, BadgeRow>> {
    if (personIds.length === 0) return new Map();
    const rows = await db.selectFrom('badges').selectAll().where('personId', 'in', personIds).execute();
    return new Map(rows.map((r) => [r.personId, r]));
  },
  byCode: (db: Executor, code: string) => db.selectFrom('badges').selectAll().where('code', '=', code).executeTakeFirst(),
  /** False when the person has a badge already (issued by a concurrent request). */
  async insertOnce(db: Executor, row: BadgeRow): Promise<boolean> {
    const r = await db
      .insertInto('badges')
      .values(row)
      .onConflict((oc) => oc.column('personId').doNothing())
      .returning('code')
      .executeTakeFirst();
    return r !== undefined;
  },
  update: (db: Executor, personId: string, patch: Partial<BadgeRow>) =>
    db.updateTable('badges').set(patch).where('personId', '=', personId).execute(),
};
