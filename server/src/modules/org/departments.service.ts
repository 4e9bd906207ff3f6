import type { DepartmentCreateBody, DepartmentUpdateBody } from '@qinlian/contracts';
import { DepartmentCreateBody as CreateSchema } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, duplicate, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { iso } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { departmentsRepo, type DepartmentRow } from './departments.repo.ts';
import { departmentPolicy } from './org.policy.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

export async function listDepartments(ctx: Ctx, opts: { includeArchived: boolean }) {
  const rows = await departmentsRepo.list(ctx.db, opts);
  return rows.filter((d) => departmentPolicy.canSee(actorOf(ctx), d));
}

/** A department the actor may see, or 404. Archived ones are visible (history) but not usable. */
export async function getDepartment(ctx: Ctx, id: string): Promise<DepartmentRow> {
  const dept = await departmentsRepo.byId(ctx.db, id);
  if (!dept) throw notFound();
  departmentPolicy.assertVisible(actorOf(ctx), dept);
  return dept;
}

/** A live department to attach people, posts or children to. */
export async function usableDepartment(ctx: Ctx, id: string, field: string): Promise<DepartmentRow> {
  const dept = await departmentsRepo.byId(ctx.db, id);
  if (!dept || !departmentPolicy.canSee(actorOf(ctx), dept)) {
    throw new DomainError('not_found', 404, {}, [{ path: field, message: 'not_found' }]);
  }
  if (dept.archivedAt)
    throw new DomainError('department_archived', 409, { name: dept.name }, [{ path: field, message: 'department_archived' }]);
  return dept;
}

export async function createDepartment(ctx: Ctx, input: DepartmentCreateBody): Promise<DepartmentRow> {
  const body = CreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const parent = body.parentId ? await usableDepartment(tx, body.parentId, 'body.parentId') : null;
    if (parent) departmentPolicy.assert(actorOf(tx), 'manage', parent);
    else if (await departmentsRepo.root(tx.db)) throw new DomainError('root_department_exists', 409);
    if (await departmentsRepo.siblingByName(tx.db, body.parentId, body.name)) throw duplicate('body.name', body.name);
    const id = newId();
    const now = iso(tx.clock.now());
    const row: DepartmentRow = {
      id,
      parentId: body.parentId,
      name: body.name,
      kind: body.kind,
      sort: body.sort,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      archivedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await departmentsRepo.insert(tx.db, row);
    await recordAudit(tx, { action: 'department.create', entityType: 'department', entityId: id, after: row });
    return row;
  });
}

/** Rename, re-kind, re-sort and/or move under another parent (never under itself or its own subtree). */
export async function updateDepartment(ctx: Ctx, id: string, patch: DepartmentUpdateBody): Promise<DepartmentRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await getDepartment(tx, id);
    departmentPolicy.assert(actorOf(tx), 'manage', before);
    if (patch.version !== undefined && patch.version !== before.version) throw versionConflict();
    const next: Partial<DepartmentRow> = { updatedAt: iso(tx.clock.now()) };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.kind !== undefined) next.kind = patch.kind;
    if (patch.sort !== undefined) next.sort = patch.sort;
    const moving = patch.parentId !== undefined && patch.parentId !== before.parentId;
    const parentId = moving ? patch.parentId! : before.parentId;
    if ((next.name && next.name !== before.name) || moving) {
      const clash = await departmentsRepo.siblingByName(tx.db, parentId, next.name ?? before.name);
      if (clash && clash.id !== id) throw duplicate('body.name', next.name ?? before.name);
    }
    if (moving) Object.assign(next, await movedPlacement(tx, before, patch.parentId!));
    if (!(await departmentsRepo.update(tx.db, id, before.version, next))) throw versionConflict();
    if (moving) await departmentsRepo.rewriteSubtreePaths(tx.db, before.path, next.path!, next.depth! - before.depth);
    const after = { ...before, ...next, version: before.version + 1 };
    await recordAudit(tx, {
      action: moving ? 'department.move' : 'department.update',
      entityType: 'department',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

async function movedPlacement(ctx: Ctx, dept: DepartmentRow, parentId: string | null) {
  if (parentId === null) throw new DomainError('root_department_exists', 409);
  const parent = await usableDepartment(ctx, parentId, 'body.parentId');
  departmentPolicy.assert(actorOf(ctx), 'manage', parent);
  if (parent.path.startsWith(dept.path))
    throw new DomainError('department_cycle', 409, {}, [{ path: 'body.parentId', message: 'department_cycle' }]);
  return { parentId, path: `${parent.path}${dept.id}/`, depth: parent.depth + 1 };
}

/** 撤销: departments are archived, never deleted, so everything that references them keeps its meaning. */
export async function archiveDepartment(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await getDepartment(tx, id);
    departmentPolicy.assert(actorOf(tx), 'manage', before);
    if (before.archivedAt) return before;
    if ((await departmentsRepo.activeChildCount(tx.db, id)) > 0) throw new DomainError('department_has_active_children', 409);
    const people = await departmentsRepo.activePeopleCount(tx.db, id);
    if (people > 0) throw new DomainError('department_has_people', 409, { count: people });
    const now = iso(tx.clock.now());
    if (!(await departmentsRepo.update(tx.db, id, before.version, { archivedAt: now, updatedAt: now }))) throw versionConflict();
    const after = { ...before, archivedAt: now, updatedAt: now, version: before.version + 1 };
    await recordAudit(tx, { action: 'department.archive', entityType: 'department', entityId: id, before, after });
    return after;
  });
}

/** For data scopes: the ids in the subtrees rooted at these departments. */
export async function departmentSubtreeIds(db: Executor, rootIds: string[]): Promise<string[]> {
  const roots = await departmentsRepo.byIds(db, rootIds);
  return departmentsRepo.subtreeIds(
    db,
    roots.map((r) => r.path),
  );
}

export async function departmentHeadcounts(db: Executor): Promise<Map<string, number>> {
  const rows = await departmentsRepo.headcounts(db);
  return new Map(rows.map((r) => [r.departmentId, Number(r.n)]));
}

export async function getDepartmentName(db: Executor, id: string): Promise<string | null> {
  return (await departmentsRepo.byId(db, id))?.name ?? null;
}

/** Every department (archived included) with its full name from the root: 新区党工委管委会/经济发展局/综合科. */
export async function departmentsWithFullNames(db: Executor): Promise<{ row: DepartmentRow; fullName: string }[]> {
  const rows = await departmentsRepo.list(db, { includeArchived: true });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((row) => ({
    row,
    fullName: row.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(id)?.name ?? '?')
      .join('/'),
  }));
}
