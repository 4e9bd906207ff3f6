import type { Executor } from './database.ts';
import type { DB } from './schema.ts';

/** The tables that carry an `id` and an optimistic-lock `version` column. */
export type VersionedTable = { [T in keyof DB]: DB[T] extends { id: string; version: number } ? T : never }[keyof DB];

/**
 * Optimistic update (乐观锁): writes `patch` and moves the version on only while the row still has the
 * version the caller read, in one statement, so two writers racing on the same row cannot both win.
 * False when no row matched — another writer got there first, or the row is gone; callers answer with
 * `versionConflict()` (409). The caller's own epoch and cache notifications stay in its repo.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: string,
  version: number,
  patch: Partial<DB[T]>,
): Promise<boolean> {
  // Kysely cannot narrow a generic table name; every VersionedTable has the two columns used here.
  const r = await db
    .updateTable(table as VersionedTable)
    .set({ ...patch, version: version + 1 } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
