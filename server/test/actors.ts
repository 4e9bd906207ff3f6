import type { DataScope, Permission } from '@qinlian/contracts';
import type { Actor } from '../src/platform/context.ts';

/**
 * Actors for pure policy tests, without a database. A fixed little organisation stands in for the
 * department tree, and scopes resolve over it the way identity/actor.ts resolves them:
 *
 *   ROOT 管委会
 *   ├── A  (A1 below it)
 *   └── B
 */
export const ORG = { ROOT: 'dept-root', A: 'dept-a', A1: 'dept-a1', B: 'dept-b' } as const;
const SUBTREE: Record<string, string[]> = {
  [ORG.ROOT]: [ORG.ROOT, ORG.A, ORG.A1, ORG.B],
  [ORG.A]: [ORG.A, ORG.A1],
  [ORG.A1]: [ORG.A1],
  [ORG.B]: [ORG.B],
};

export type ActorSpec = {
  permissions?: Permission[];
  /** 数据权限: all / dept_and_below (本部门及以下) / dept (本部门) / self (仅本人) / custom (自定义部门) */
  scope?: DataScope;
  departmentId?: string | null;
  personId?: string | null;
  /** the departments of a `custom` scope */
  custom?: string[];
};

function departmentsOf(scope: DataScope, departmentId: string | null, custom: string[]): string[] {
  switch (scope) {
    case 'all':
    case 'self':
      return [];
    case 'dept':
      return departmentId ? [departmentId] : [];
    case 'dept_and_below':
      return departmentId ? (SUBTREE[departmentId] ?? [departmentId]) : [];
    case 'custom':
      return custom;
  }
}

/** An actor of one role: these permissions over this data scope, in department A unless told. */
export function actorOf({
  permissions = [],
  scope = 'all',
  departmentId = ORG.A,
  personId = 'person-me',
  custom = [],
}: ActorSpec = {}): Actor {
  return {
    userId: `user-${personId ?? 'none'}`,
    username: 'tester',
    name: '测试用户',
    personId,
    departmentId,
    permissions: new Set(permissions),
    scope: { kind: scope, all: scope === 'all', departmentIds: departmentsOf(scope, departmentId, custom), selfPersonId: personId },
    via: 'session',
  };
}
