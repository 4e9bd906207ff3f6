import type { Executor } from '../../platform/db/database.ts';
import { isTransaction } from '../../platform/context.ts';
import { epochCache } from '../../platform/db/epoch-cache.ts';
import { departmentsRepo, departmentsEpoch as epoch, type DepartmentRow } from './departments.repo.ts';

export type DepartmentBasics = { id: string; name: string; parentId: string | null; path: string; archived: boolean };

export const basicsOf = (r: Pick<DepartmentRow, 'id' | 'name' | 'parentId' | 'path' | 'archivedAt'>): DepartmentBasics => ({
  id: r.id,
  name: r.name,
  parentId: r.parentId,
  path: r.path,
  archived: r.archivedAt !== null,
});

/**
 * Every task page names its departments, and there are a few thousand at most, renamed or moved a
 * few times a year. Writes through this process rebuild them at once (the departments epoch); the
 * time limit bounds how long a change made through another app instance goes unseen here.
 */
const DEPARTMENTS_TTL_MS = 30_000;

const cached = epochCache<'all', ReadonlyMap<string, DepartmentBasics>>(epoch, DEPARTMENTS_TTL_MS);

async function readAll(db: Executor): Promise<ReadonlyMap<string, DepartmentBasics>> {
  const rows = await departmentsRepo.allBasics(db);
  return new Map(rows.map((r) => [r.id, Object.freeze(basicsOf(r))]));
}

/** All departments by id; `fresh` reads them anew (an id they lack was just referenced) and joins no read under way. */
const allDepartments = (db: Executor, fresh: boolean) => cached(db, 'all', () => readAll(db), { fresh });

/**
 * Departments by id for display (names on a task page, an export), from the cache. Inside a
 * transaction they are read as they stand in it: the transaction may have just written them.
 */
export async function cachedDepartmentsBasics(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, DepartmentBasics>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (isTransaction(db)) return new Map((await departmentsRepo.byIds(db, wanted)).map((r) => [r.id, basicsOf(r)]));
  let all = await allDepartments(db, false);
  // a department just made through another instance: read them again
  if (wanted.some((id) => !all.has(id))) all = await allDepartments(db, true);
  return new Map(wanted.flatMap((id) => (all.has(id) ? [[id, all.get(id)!] as const] : [])));
}
