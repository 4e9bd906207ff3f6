/** Row types as Kysely sees them (camelCase; the tables are snake_case through CamelCasePlugin). */
import type { Generated } from 'kysely';

type Ts = string; // ISO-8601 UTC instant, same text on both engines
type Flag = number; // 0 | 1 on both engines

export interface DepartmentsTable {
  id: string; parentId: string | null; name: string; kind: string; sort: number;
  /** '/rootId/…/id/' — subtree queries are a prefix match */
  path: string; depth: number; archivedAt: Ts | null; version: number; createdAt: Ts; updatedAt: Ts;
}
export interface PeopleTable {
  id: string; name: string; phone: string | null; photoFile: string | null; departmentId: string;
  title: string | null; status: string; version: number; createdAt: Ts; updatedAt: Ts;
}
export interface PostsTable {
  id: string; departmentId: string; name: string; duties: string; aPersonId: string | null; bPersonId: string | null;
  archivedAt: Ts | null; version: number; createdAt: Ts; updatedAt: Ts;
}
export interface RolesTable {
  id: string; code: string; name: string; permissions: string; dataScope: string; customDepartmentIds: string;
  builtin: Flag; version: number; createdAt: Ts; updatedAt: Ts;
}
export interface UsersTable {
  id: string; personId: string | null; username: string; displayName: string; passwordHash: string;
  mustChangePassword: Flag; totpSecret: string | null; totpEnabled: Flag; failedCount: number; lockedUntil: Ts | null;
  disabled: Flag; passwordChangedAt: Ts; createdAt: Ts; updatedAt: Ts;
}
export interface UserRolesTable { userId: string; roleId: string }
export interface SessionsTable {
  id: string; userId: string; csrfToken: string; ip: string; userAgent: string; createdAt: Ts; lastSeenAt: Ts; revokedAt: Ts | null;
}
export interface ApiTokensTable {
  id: string; userId: string; name: string; tokenHash: string; createdBy: string; createdAt: Ts;
  expiresAt: Ts | null; lastUsedAt: Ts | null; revokedAt: Ts | null;
}
export interface SignInLogTable {
  id: string; username: string; userId: string | null; ip: string; userAgent: string; result: string; at: Ts;
}
export interface AuditEventsTable {
  seq: number; at: Ts; actorId: string | null; actorName: string; action: string; entityType: string;
  entityId: string | null; beforeJson: string | null; afterJson: string | null; ip: string;
  prevHash: string; hash: string; algorithm: string;
}
export interface AuditHeadTable { id: number; seq: number; hash: string }
export interface CalendarOverridesTable { date: string; working: Flag; note: string; createdAt: Ts }

export interface DB {
  departments: DepartmentsTable;
  people: PeopleTable;
  posts: PostsTable;
  roles: RolesTable;
  users: UsersTable;
  userRoles: UserRolesTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  signInLog: SignInLogTable;
  auditEvents: AuditEventsTable;
  auditHead: AuditHeadTable;
  calendarOverrides: CalendarOverridesTable;
}
export type { Generated };
