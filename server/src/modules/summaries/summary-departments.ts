import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { detailMessage } from '@qinlian/contracts';
import { inDepartmentScope } from '../../platform/policy/policy.ts';
import { departmentsBasics, departmentsWithFullNames, type DepartmentBasics } from '../org/index.ts';

/** A department that reports: its place in the tree gives the order the compiled documents print in. */
export type ReportingDepartment = { id: string; name: string; order: number };

/**
 * The departments asked for monthly summaries: every department in use but the area itself (the root,
 * whose office compiles them), in tree order — each level by its sort number, then name.
 */
export async function reportingDepartments(db: Executor): Promise<ReportingDepartment[]> {
  const rows = await departmentsWithFullNames(db);
  const byId = new Map(rows.map(({ row }) => [row.id, row]));
  const key = (path: string) =>
    path
      .split('/')
      .filter(Boolean)
      .map((id) => {
        const d = byId.get(id);
        return `${String(d?.sort ?? 0).padStart(8, '0')}${d?.name ?? ''}`;
      })
      .join('/');
  const live = rows.filter(({ row }) => row.archivedAt === null && row.parentId !== null);
  const collator = new Intl.Collator('zh-CN');
  live.sort((a, b) => collator.compare(key(a.row.path), key(b.row.path)));
  return live.map(({ row }, order) => ({ id: row.id, name: row.name, order }));
}

/** The tree order of some departments (those not reporting any more come last, by name). */
export async function inTreeOrder<T extends { departmentId: string }>(db: Executor, rows: T[], nameOf: (r: T) => string): Promise<T[]> {
  const order = new Map((await reportingDepartments(db)).map((d) => [d.id, d.order]));
  const last = Number.MAX_SAFE_INTEGER;
  const collator = new Intl.Collator('zh-CN');
  return [...rows].sort(
    (a, b) => (order.get(a.departmentId) ?? last) - (order.get(b.departmentId) ?? last) || collator.compare(nameOf(a), nameOf(b)),
  );
}

/**
 * The department a submission (or its form) is for: the one named, else the actor's own. A department
 * outside the actor's data scope is another department's business — refused (403) by name, since the
 * submitter named it; an unknown one is 404, an archived one 409 (its past can still be read: `reading`).
 */
export async function submittingDepartment(ctx: Ctx, departmentId: string | undefined, reading = false): Promise<DepartmentBasics> {
  const actor = ctx.actor!;
  const path = reading ? 'query.departmentId' : 'body.departmentId';
  const id = departmentId ?? actor.departmentId;
  if (!id) throw invalid([{ path, message: detailMessage('summary_department_required', ctx.lang) }]);
  const department = (await departmentsBasics(ctx.db, [id])).get(id);
  if (!department) throw new DomainError('not_found', 404, {}, [{ path, message: 'not_found' }]);
  if (!inDepartmentScope(actor, department.id))
    throw new DomainError('summary_other_department', 403, { department: department.name }, [
      { path, message: 'summary_other_department' },
    ]);
  if (department.archived && !reading) throw new DomainError('department_archived', 409, { name: department.name });
  return department;
}
