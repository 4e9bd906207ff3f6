import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { ApiTokenScope, Permission } from '@qinlian/contracts';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';
import type { Engine } from '../../src/platform/db/database.ts';
import type { RegisteredRoute } from '../../src/platform/http/auth-hook.ts';
import { buildDepartment, buildPerson, buildPost, buildRole, rootDepartment, TEST_PASSWORD } from '../factories.ts';
import { systemCtx } from '../../src/bootstrap.ts';
import { createAccount, issueApiToken } from '../../src/modules/identity/access.service.ts';
import { identityRepo } from '../../src/modules/identity/identity.repo.ts';
import { newSecret, secretDigest } from '../../src/platform/auth/passwords.ts';
import { newTotpSecret } from '../../src/platform/auth/totp.ts';
import { iso } from '../../src/platform/clock.ts';

/**
 * The actors every reliability test speaks as, and the records they act on:
 *
 *   root ─┬─ A  (the department head's department; dept_and_below)
 *         │  └─ A1  (the staff member's department; dept)   ← "in scope" records live here
 *         └─ B                                              ← "out of scope" records live here
 *
 * Built-in roles as shipped (access.service.ts BUILTIN_ROLES): admin (all), office (read + audit, all),
 * dept_head (people.manage, dept_and_below), staff (read, dept). The API token is issued to the
 * department head's account: it must act exactly like that person, without CSRF.
 */
export const ROLES = ['anonymous', 'admin', 'office', 'deptHead', 'staff', 'token'] as const;
export type RoleName = (typeof ROLES)[number];
export type Scope = 'in' | 'out';

export type Client = {
  role: RoleName;
  userId: string | null;
  /** headers that authenticate this role: session cookie + CSRF, bearer token, or nothing */
  auth: { cookie?: string; csrf?: string; bearer?: string };
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
};

export type World = Awaited<ReturnType<typeof buildWorld>>;

const ctxOf = (t: TestApp) => systemCtx(t.db, t.clock);

async function accountWithRole(t: TestApp, roleCode: string, personId: string | null, username: string) {
  const role = await identityRepo.roleByCode(t.db.db, roleCode);
  if (!role) throw new Error(`built-in role ${roleCode} is missing`);
  const { user } = await createAccount(ctxOf(t), {
    username,
    displayName: username,
    personId,
    roleIds: [role.id],
    password: TEST_PASSWORD,
    mustChange: false,
  });
  // a TOTP secret that is set up but not enabled, so /auth/totp/enable answers bad_totp, not totp_not_setup
  await identityRepo.updateUser(t.db.db, user.id, { totpSecret: newTotpSecret() });
  return user;
}

/** A new session for a user, written straight to the table (no sign-in, so no rate limit and no argon2). */
export async function mintSession(t: TestApp, userId: string): Promise<{ cookie: string; csrf: string }> {
  const token = newSecret('qls_');
  const csrf = newSecret('');
  const at = iso(t.clock.now());
  await identityRepo.insertSession(t.db.db, {
    id: secretDigest(token),
    userId,
    csrfToken: csrf,
    ip: '127.0.0.1',
    userAgent: 'reliability',
    createdAt: at,
    lastSeenAt: at,
    revokedAt: null,
  });
  return { cookie: `qinlian_session=${token}`, csrf };
}

export function clientFor(t: TestApp, role: RoleName, userId: string | null, auth: Client['auth']): Client {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.csrf) headers['x-csrf-token'] = auth.csrf;
  if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  return { role, userId, auth, request: (opts) => t.app.inject({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) } }) };
}

export async function buildWorld(t: TestApp) {
  const root = await rootDepartment(t);
  const deptA = await buildDepartment(t, { parentId: root.id, name: '世界A局' });
  const deptA1 = await buildDepartment(t, { parentId: deptA.id, name: '世界A1科' });
  const deptB = await buildDepartment(t, { parentId: root.id, name: '世界B局' });
  const officePerson = await buildPerson(t, { departmentId: root.id, name: '办公室主任' });
  const headPerson = await buildPerson(t, { departmentId: deptA.id, name: 'A局局长' });
  const staffPerson = await buildPerson(t, { departmentId: deptA1.id, name: 'A1科员' });
  const suffix = Math.random().toString(36).slice(2, 7);
  const office = await accountWithRole(t, 'office', officePerson.id, `office_${suffix}`);
  const deptHead = await accountWithRole(t, 'dept_head', headPerson.id, `head_${suffix}`);
  const staff = await accountWithRole(t, 'staff', staffPerson.id, `staff_${suffix}`);
  // scoped to every permission the head holds: the token column of the matrix acts exactly like the head
  const headPermissions = JSON.parse((await identityRepo.roleByCode(t.db.db, 'dept_head'))!.permissions) as Permission[];
  const issueToHead = (name: string, scope: ApiTokenScope) =>
    issueApiToken(ctxOf(t), { userId: deptHead.id, name, scope }, t.config.tokenMaxDays);
  const token = await issueToHead('可靠性测试令牌', { kind: 'permissions', permissions: headPermissions });
  /** the head's tokens narrower than the head (authz-tokens.test.ts): read-only, and one that may only read people */
  const narrowTokens = {
    readOnly: (await issueToHead('只读令牌', { kind: 'read_only' })).token,
    peopleReadOnly: (await issueToHead('只读人员令牌', { kind: 'permissions', permissions: ['people.read'] })).token,
  };
  const adminUser = (await identityRepo.userByUsername(t.db.db, 'admin'))!;
  const users: Record<Exclude<RoleName, 'anonymous' | 'token'>, string> = {
    admin: adminUser.id,
    office: office.id,
    deptHead: deptHead.id,
    staff: staff.id,
  };

  const w = {
    t,
    root,
    deptA,
    deptA1,
    deptB,
    users,
    headPerson,
    staffPerson,
    officePerson,
    tokenSecret: token.token,
    headPermissions,
    narrowTokens,
    /** the department that holds this scope's records */
    deptOf: (scope: Scope) => (scope === 'in' ? deptA1 : deptB),
    /** a fresh client for a role: a new session each time, so one test's logout never leaks into the next */
    async client(role: RoleName): Promise<Client> {
      if (role === 'anonymous') return clientFor(t, role, null, {});
      if (role === 'token') return clientFor(t, role, deptHead.id, { bearer: token.token });
      const userId = users[role];
      const s = await mintSession(t, userId);
      return clientFor(t, role, userId, { cookie: s.cookie, csrf: s.csrf });
    },
    async clients(): Promise<Record<RoleName, Client>> {
      const out = {} as Record<RoleName, Client>;
      for (const r of ROLES) out[r] = await w.client(r);
      return out;
    },
    make: {
      department: (scope: Scope, name?: string) => buildDepartment(t, { parentId: w.deptOf(scope).id, ...(name ? { name } : {}) }),
      person: (scope: Scope, name?: string) => buildPerson(t, { departmentId: w.deptOf(scope).id, ...(name ? { name } : {}) }),
      post: (scope: Scope) => buildPost(t, { departmentId: w.deptOf(scope).id }),
      role: () => buildRole(t, ['org.read'], 'dept'),
      async user() {
        const { user } = await createAccount(ctxOf(t), {
          username: `victim_${Math.random().toString(36).slice(2, 10)}`,
          displayName: '受试账号',
          personId: null,
          roleIds: [],
          password: TEST_PASSWORD,
          mustChange: false,
        });
        return user;
      },
      async token() {
        const user = await w.make.user();
        return issueApiToken(ctxOf(t), { userId: user.id, name: '受试令牌' }, t.config.tokenMaxDays);
      },
    },
  };
  return w;
}

/** Every application table (found from the catalogue, so new modules' tables are counted too). */
export async function applicationTables(t: TestApp): Promise<string[]> {
  const rows =
    t.engine === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(t.db.db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(
          t.db.db,
        );
  return rows.rows.map((r) => r.name).sort();
}

export type Snapshot = { counts: Record<string, number>; auditHead: string; files: number };

/** Row counts of every table, the audit chain head and the number of stored files, in one query. */
export async function snapshot(t: TestApp, tables: string[]): Promise<Snapshot> {
  const parts = tables.map((name) => sql`select ${name} as name, count(*) as n from ${sql.table(name)}`);
  const { rows } = await sql<{ name: string; n: number | string }>`${sql.join(parts, sql` union all `)}`.execute(t.db.db);
  const head = await sql<{ seq: number; hash: string }>`select seq, hash from audit_head where id = 1`.execute(t.db.db);
  return {
    counts: Object.fromEntries(rows.map((r) => [r.name, Number(r.n)])),
    auditHead: `${head.rows[0]?.seq}:${head.rows[0]?.hash}`,
    files: countFiles(path.join(t.config.dataDir, 'files')),
  };
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}

/** Sessions and the sign-in log change on sign-in attempts by design; everything else must not move. */
export function writesBetween(before: Snapshot, after: Snapshot, ignore: string[] = []): string[] {
  const changed: string[] = [];
  for (const [name, n] of Object.entries(after.counts)) {
    if (ignore.includes(name)) continue;
    if ((before.counts[name] ?? 0) !== n) changed.push(`${name}: ${before.counts[name] ?? 0} → ${n}`);
  }
  if (before.auditHead !== after.auditHead) changed.push(`audit_head: ${before.auditHead} → ${after.auditHead}`);
  if (before.files !== after.files) changed.push(`stored files: ${before.files} → ${after.files}`);
  return changed;
}

/** Every /api route the real app registers, with its declared policy (a throwaway app on SQLite). */
export async function registeredRoutes(): Promise<RegisteredRoute[]> {
  const t = await startTestApp('sqlite');
  try {
    return [...t.app.routePolicies];
  } finally {
    await t.close();
  }
}

/**
 * The world of one describe block on one engine: the app started and the actors built before its
 * tests, the app closed after them. Read `t` and `w` inside tests (they are set once `beforeAll` has run).
 */
export function worldOn(engine: Engine) {
  let t: TestApp | undefined;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t?.close();
  });
  return {
    get t() {
      return t!;
    },
    get w() {
      return w;
    },
  };
}
