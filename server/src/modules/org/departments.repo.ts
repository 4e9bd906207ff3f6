import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { authorizationChanged } from '../../platform/auth/authorization-epoch.ts';
import type { DepartmentsTable } from '../../platform/db/schema.ts';
import { writeEpoch } from '../../platform/db/write-epoch.ts';
import { directoryEpoch } from './directory-epoch.ts';

export type DepartmentRow = DepartmentsTable;

/** Moves on after every committed write to departments: the cached names and paths are rebuilt. */
export const departmentsEpoch = writeEpoch('departments');

export const departmentsRepo = {
  list(db: Executor, opts: { includeArchived: boolean }) {
    let q = db.selectFrom('departments').selectAll().orderBy('depth').orderBy('sort').orderBy('name');
    if (!opts.includeArchived) q = q.where('archivedAt', 'is', null);
    return q.execute();
  },
  byId(db: Executor, id: string) {
    return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  },
  byIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as DepartmentRow[]);
    return db.selectFrom('departments').selectAll().where('id', 'in', ids).execute();
  },
  /** What names and places every department (the departments cache). */
  allBasics(db: Executor) {
    return db.selectFrom('departments').select(['id', 'name', 'parentId', 'path', 'archivedAt']).execute();
  },
  root(db: Executor) {
    return db.selectFrom('departments').selectAll().where('parentId', 'is', null).executeTakeFirst();
  },
  /** ids of the departments under any of these paths, themselves included */
  async subtreeIds(db: Executor, paths: string[]): Promise<string[]> {
    if (paths.length === 0) return [];
    const rows = await db
      .selectFrom('departments')
      .select('id')
      .where((eb) => eb.or(paths.map((p) => eb('path', 'like', `${p}%`))))
      .execute();
    return rows.map((r) => r.id);
  },
  activeChildCount(db: Executor, id: string) {
    return db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parentId', '=', id)
      .where('archivedAt', 'is', null)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
  siblingByName(db: Executor, parentId: string | null, name: string) {
    let q = db.selectFrom('departments').select('id').where('name', '=', name).where('archivedAt', 'is', null);
    q = parentId === null ? q.where('parentId', 'is', null) : q.where('parentId', '=', parentId);
    return q.executeTakeFirst();
  },
  /** A new department widens the data scope of everyone whose subtree it joins. */
  insert(db: Executor, row: DepartmentRow) {
    authorizationChanged(db);
    departmentsEpoch.changed(db);
    directoryEpoch.changed(db);
    return db.insertInto('departments').values(row).execute();
  },
  /** Optimistic update: returns false when the version moved on. */
  update(db: Executor, id: string, version: number, patch: Partial<DepartmentRow>) {
    authorizationChanged(db); // a move changes subtrees, and with them data scopes
    departmentsEpoch.changed(db);
    directoryEpoch.changed(db);
    return updateVersioned(db, 'departments', id, version, patch);
  },
  /** Moving a department rewrites the path prefix of its whole subtree. */
  async rewriteSubtreePaths(db: Executor, oldPath: string, newPath: string, depthDelta: number) {
    departmentsEpoch.changed(db);
    directoryEpoch.changed(db);
    const rows = await db.selectFrom('departments').select(['id', 'path', 'depth']).where('path', 'like', `${oldPath}_%`).execute();
    for (const r of rows) {
      await db
        .updateTable('departments')
        .set({ path: newPath + r.path.slice(oldPath.length), depth: r.depth + depthDelta })
        .where('id', '=', r.id)
        .execute();
    }
  },
  activePeopleCount(db: Executor, id: string) {
    return db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('departmentId', '=', id)
      .where('status', '!=', 'left')
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
  headcounts(db: Executor) {
    return db
      .selectFrom('people')
      .select(['departmentId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '!=', 'left')
      .groupBy('departmentId')
      .execute();
  },
};
