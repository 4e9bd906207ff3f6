import type { Executor } from '../../platform/db/database.ts';
import { isTransaction } from '../../platform/context.ts';
import { singleFlight } from '../../platform/db/single-flight.ts';
import { departmentsRepo, departmentsEpoch as epoch, type DepartmentRow } from './departments.repo.ts';

export type DepartmentBasics = { id: string; name: string; parentId: string | null; path: string; archived: boolean };

export const basicsOf = (r: Pick<DepartmentRow, 'id' | 'name' | 'parentId' | 'path' | 'archivedAt'>): DepartmentBasics =>
  ({ id: r.id, name: r.name, parentId: r.parentId, path: r.path, archived: r.archivedAt !== null });

/**
 * Every task page names its departments, and there are a few thousand at most, renamed or moved a
 * few times a year. Writes through this process rebuild them at once (the departments epoch); the
 * time limit bounds how long a change made through another app instance goes unseen here.
 */
const DEPARTMENTS_TTL_MS = 30_000;

type Cached = { byId: ReadonlyMap<string, DepartmentBasics>; epoch: number; builtAt: number };
const caches = new WeakMap<Executor, Cached>();
const load = singleFlight<Executor, Cached>();

async function readAll(db: Executor, at: number): Promise<Cached> {
  const rows = await departmentsRepo.allBasics(db);
  return { byId: new Map(rows.map((r) => [r.id, Object.freeze(basicsOf(r))])), epoch: at, builtAt: Date.now() };
}

const isCurrent = (c: Cached | undefined): c is Cached => !!c && c.epoch === epoch.current() && Date.now() - c.builtAt < DEPARTMENTS_TTL_MS;

/** All departments by id; `fresh` reads them anew (an id they lack was just referenced) and joins no read under way. */
async function allDepartments(db: Executor, fresh: boolean): Promise<Cached> {
  const hit = caches.get(db);
  if (!fresh && isCurrent(hit)) return hit;
  const at = epoch.current();
  const entry = fresh ? await readAll(db, at) : await load(db, at, () => readAll(db, at));
  caches.set(db, entry);
  return entry;
}

/**
 * Departments by id for display (names on a task page, an export), from the cache. Inside a
 * transaction they are read as they stand in it: the transaction may have just written them.
 */
export async function cachedDepartmentsBasics(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, DepartmentBasics>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (isTransaction(db)) return new Map((await departmentsRepo.byIds(db, wanted)).map((r) => [r.id, basicsOf(r)]));
  let all = await allDepartments(db, false);
  // a department just made through another instance: read them again
  if (wanted.some((id) => !all.byId.has(id))) all = await allDepartments(db, true);
  return new Map(wanted.flatMap((id) => (all.byId.has(id) ? [[id, all.byId.get(id)!] as const] : [])));
}
