import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildRole, buildSignedInUser, buildTask } from '../../../test/factories.ts';
import { runCli } from '../../../test/cli.ts';
import { verifyAuditRecords } from './verify-records.ts';

const cliEnv = (t: TestApp) => ({
  QINLIAN_DATA_DIR: t.config.dataDir,
  DATABASE_URL: t.config.database.engine === 'postgres' ? t.config.database.url : `sqlite:${t.config.database.file}`,
});

/**
 * Edits to business tables made straight in the database, past the app: each is named by
 * `audit verify --records` (table, id, what differs) and makes the command exit 1; put back
 * exactly as it was, the rows verify clean again — the comparison is of values, nothing else.
 */
describe.each(ENGINES)('verify --records names business rows changed outside the app on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const problems = async () => {
    const check = await verifyAuditRecords(t.db.db);
    expect(check.chain.ok, check.chain.reason ?? '').toBe(true);
    return check.records!.problems;
  };
  const cliFails = async (...expected: string[]) => {
    const run = await runCli(['audit', 'verify', '--records'], cliEnv(t));
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('audit chain intact');
    for (const text of expected) expect(run.stderr).toContain(text);
  };

  it('starts clean', async () => {
    expect(await problems()).toEqual([]);
  });

  it('a task title edited with SQL', async () => {
    const task = await buildTask(t);
    await t.db.db.updateTable('tasks').set({ title: '篡改后的标题' }).where('id', '=', task.id).execute();
    expect(await problems()).toEqual([{ table: 'tasks', id: task.id, kind: 'changed', columns: ['title'], seq: expect.any(Number) }]);
    await cliFails(`tasks ${task.id}: `, 'changed outside the app: title');
    await t.db.db.updateTable('tasks').set({ title: task.title }).where('id', '=', task.id).execute();
    expect(await problems()).toEqual([]);
  });

  it('a task forced to closed at 100 %', async () => {
    const task = await buildTask(t);
    const forced = { status: 'closed', isOpen: 0, progress: 100, closedAt: '2026-03-02T02:00:00.000Z' };
    await t.db.db.updateTable('tasks').set(forced).where('id', '=', task.id).execute();
    expect(await problems()).toEqual([
      { table: 'tasks', id: task.id, kind: 'changed', columns: ['status', 'isOpen', 'progress', 'closedAt'], seq: expect.any(Number) },
    ]);
    await cliFails(`tasks ${task.id}: `, 'status, isOpen, progress, closedAt');
    const { status, isOpen, progress, closedAt } = task;
    await t.db.db.updateTable('tasks').set({ status, isOpen, progress, closedAt }).where('id', '=', task.id).execute();
    expect(await problems()).toEqual([]);
  });

  it('a staff account given the admin role in user_roles', async () => {
    const { user } = await buildSignedInUser(t, { permissions: ['org.read'], dataScope: 'dept' });
    const admin = await t.db.db.selectFrom('roles').select('id').where('code', '=', 'admin').executeTakeFirstOrThrow();
    await t.db.db.insertInto('userRoles').values({ userId: user.id, roleId: admin.id }).execute();
    expect(await problems()).toEqual([
      { table: 'users', id: user.id, kind: 'changed', columns: ['roleIds (user_roles)'], seq: expect.any(Number) },
    ]);
    await cliFails(`users ${user.id}: `, 'roleIds (user_roles)');
    await t.db.db.deleteFrom('userRoles').where('userId', '=', user.id).where('roleId', '=', admin.id).execute();
    expect(await problems()).toEqual([]);
  });

  it("a role granted a permission and an account's password hash swapped, with SQL", async () => {
    const role = await buildRole(t, ['org.read']);
    const { user } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const admin = await t.db.db.selectFrom('users').select('passwordHash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const own = await t.db.db.selectFrom('users').select('passwordHash').where('id', '=', user.id).executeTakeFirstOrThrow();
    await t.db.db
      .updateTable('roles')
      .set({ permissions: JSON.stringify(['org.read', 'users.manage']) })
      .where('id', '=', role.id)
      .execute();
    await t.db.db.updateTable('users').set({ passwordHash: admin.passwordHash }).where('id', '=', user.id).execute();
    expect(await problems()).toEqual([
      { table: 'roles', id: role.id, kind: 'changed', columns: ['permissions'], seq: expect.any(Number) },
      { table: 'users', id: user.id, kind: 'changed', columns: ['passwordHash'], seq: expect.any(Number) },
    ]);
    await t.db.db.updateTable('roles').set({ permissions: role.permissions }).where('id', '=', role.id).execute();
    await t.db.db.updateTable('users').set({ passwordHash: own.passwordHash }).where('id', '=', user.id).execute();
    expect(await problems()).toEqual([]);
  });

  it('a row inserted outside the app', async () => {
    const parent = await buildDepartment(t);
    const id = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    const at = '2026-03-02T01:00:00.000Z';
    await t.db.db
      .insertInto('departments')
      .values({
        id,
        parentId: parent.id,
        name: '凭空出现的部门',
        kind: 'department',
        sort: 0,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        archivedAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    expect(await problems()).toEqual([{ table: 'departments', id, kind: 'added', columns: [], seq: null }]);
    await cliFails(`departments ${id}: `, 'added outside the app');
    await t.db.db.deleteFrom('departments').where('id', '=', id).execute();
    expect(await problems()).toEqual([]);
  });

  it('a row deleted outside the app', async () => {
    const role = await buildRole(t, ['org.read']);
    const row = await t.db.db.selectFrom('roles').selectAll().where('id', '=', role.id).executeTakeFirstOrThrow();
    await t.db.db.deleteFrom('roles').where('id', '=', role.id).execute();
    expect(await problems()).toEqual([{ table: 'roles', id: role.id, kind: 'removed', columns: [], seq: expect.any(Number) }]);
    await cliFails(`roles ${role.id}: `, 'removed outside the app');
    await t.db.db.insertInto('roles').values(row).execute();
    expect(await problems()).toEqual([]);
  });

  it("a department's path rewritten to put it under another unit (path is derived, checked against parent_id)", async () => {
    const home = await buildDepartment(t);
    const elsewhere = await buildDepartment(t);
    await t.db.db
      .updateTable('departments')
      .set({ path: `${elsewhere.path}${home.id}/` })
      .where('id', '=', home.id)
      .execute();
    expect(await problems()).toEqual([{ table: 'departments', id: home.id, kind: 'changed', columns: ['path'], seq: null }]);
    await t.db.db.updateTable('departments').set({ path: home.path }).where('id', '=', home.id).execute();
    expect(await problems()).toEqual([]);
  });
});
