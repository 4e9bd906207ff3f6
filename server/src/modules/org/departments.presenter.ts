import type { Department } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { DepartmentRow } from './departments.repo.ts';
import { departmentPolicy } from './org.policy.ts';

export function presentDepartment(actor: Actor, row: DepartmentRow, headcount = 0): Department {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    kind: row.kind as Department['kind'],
    sort: row.sort,
    archived: row.archivedAt !== null,
    headcount,
    version: row.version,
    abilities: { manage: departmentPolicy.allowed(actor, 'manage', row) },
  };
}
