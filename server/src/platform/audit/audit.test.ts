import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, signIn, startTestApp, type TestApp } from '../../../test/harness.ts';
import { secretDigest } from '../auth/passwords.ts';
import { buildDepartment, buildSignedInUser, rootDepartment } from '../../../test/factories.ts';
import { verifyAuditChain } from './verify.ts';

/** `qinlian audit verify` as a real process against the test database. */
function cliVerify(t: TestApp) {
  const env = {
    ...process.env,
    QINLIAN_DATA_DIR: t.config.dataDir,
    DATABASE_URL: t.config.database.engine === 'postgres' ? t.config.database.url : `sqlite:${t.config.database.file}`,
  };
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'audit', 'verify'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** A new app whose chain holds four departments' events: the tests below write to it, none breaks it. */
async function chainOfFour(engine: TestApp['engine']) {
  const t = await startTestApp(engine);
  const root = await rootDepartment(t);
  for (let i = 0; i < 4; i++) await buildDepartment(t, { parentId: root.id, name: `审计测试部门${i}` });
  return t;
}

describe.each(ENGINES)('audit chain tampered with on %s', (engine) => {
  // each test breaks the chain on purpose, so each has its own
  let t: TestApp;
  beforeEach(async () => {
    t = await chainOfFour(engine);
  });
  afterEach(async () => {
    await t.close();
  });

  const rows = () => t.db.db.selectFrom('auditEvents').selectAll().orderBy('seq').execute();

  it('names the first bad row when a row is changed directly in the database', async () => {
    const target = (await rows())[3]!;
    await t.db.db.updateTable('auditEvents').set({ afterJson: '{"name":"篡改"}' }).where('seq', '=', target.seq).execute();
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: false, firstBadSeq: target.seq });
    const cli = cliVerify(t);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`row ${target.seq}`);
  });

  it('detects a removed row, a removed last row and a reorder', async () => {
    const all = await rows();
    await t.db.db.deleteFrom('auditEvents').where('seq', '=', all[2]!.seq).execute();
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: false, firstBadSeq: all[2]!.seq });
    await t.db.db.insertInto('auditEvents').values(all[2]!).execute();
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);

    await t.db.db.deleteFrom('auditEvents').where('seq', '=', all.at(-1)!.seq).execute();
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: false, firstBadSeq: all.at(-1)!.seq });
    await t.db.db.insertInto('auditEvents').values(all.at(-1)!).execute();

    // swap the contents of rows 2 and 3 (keeping their seq): the links break at row 2
    const [a, b] = [all[1]!, all[2]!];
    await t.db.db.deleteFrom('auditEvents').where('seq', 'in', [a.seq, b.seq]).execute();
    await t.db.db
      .insertInto('auditEvents')
      .values([
        { ...b, seq: a.seq },
        { ...a, seq: b.seq },
      ])
      .execute();
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: false, firstBadSeq: a.seq });
    expect(cliVerify(t).status).toBe(1);
  });
});

describe.each(ENGINES)('audit chain on %s', (engine) => {
  // these only add to the chain and read it, so they share one (per engine)
  let t: TestApp;
  beforeAll(async () => {
    t = await chainOfFour(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const rows = () => t.db.db.selectFrom('auditEvents').selectAll().orderBy('seq').execute();

  it('records actor, action, entity, before/after and IP with each write, hash-chained', async () => {
    const dept = await buildDepartment(t);
    const res = await t.admin.request({
      method: 'PATCH',
      url: `/api/departments/${dept.id}`,
      payload: { name: '改名后的部门' },
      remoteAddress: '10.1.2.3',
    });
    expect(res.statusCode).toBe(200);
    const all = await rows();
    const last = all.at(-1)!;
    expect(last).toMatchObject({
      action: 'department.update',
      entityType: 'department',
      entityId: dept.id,
      actorName: '系统管理员',
      ip: '10.1.2.3',
      algorithm: 'sm3',
    });
    expect(JSON.parse(last.beforeJson!).name).toBe(dept.name);
    expect(JSON.parse(last.afterJson!).name).toBe('改名后的部门');
    expect(last.prevHash).toBe(all.at(-2)!.hash);
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: true, checked: all.length });
    const cli = cliVerify(t);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('audit chain intact');
  });

  it('keeps no audit row and no record when a write is refused', async () => {
    const before = (await rows()).length;
    const dept = await buildDepartment(t);
    const afterCreate = (await rows()).length;
    expect(afterCreate).toBe(before + 1);
    const dup = await t.admin.request({ method: 'POST', url: '/api/departments', payload: { name: dept.name, parentId: dept.parentId } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('duplicate');
    expect((await rows()).length).toBe(afterCreate);
    const count = await t.db.db
      .selectFrom('departments')
      .select(sql<number>`count(*)`.as('n'))
      .where('name', '=', dept.name)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('serialises concurrent writers into one unbroken chain', async () => {
    const root = await rootDepartment(t);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.admin.request({ method: 'POST', url: '/api/departments', payload: { name: `并发部门${i}`, parentId: root.id } }),
      ),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: true });
  });

  it('lists and filters events for audit readers only', async () => {
    const list = await t.admin.request({ method: 'GET', url: '/api/audit?entityType=department&q=审计测试部门2' });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(1);
    expect(list.json().items[0].after.name).toBe('审计测试部门2');
    const verify = await t.admin.request({ method: 'GET', url: '/api/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true, algorithm: 'sm3' });
    const { session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    expect((await session.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });

  it('never shows password hashes or token secrets in audit snapshots', async () => {
    // an account's whole life through the API: opened with an initial password, changed, TOTP set
    // up, reset by the administrator, an API token issued and revoked
    const dept = await buildDepartment(t);
    const opened = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '秘密测试员', departmentId: dept.id, account: { username: 'secret_keeper', roleIds: [] } },
    });
    expect(opened.statusCode).toBe(201);
    const { userId, initialPassword } = opened.json();
    const own = await signIn(t.app, 'secret_keeper', initialPassword);
    const chosenPassword = 'Mimi#2026-own';
    const changed = await own.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: initialPassword, newPassword: chosenPassword },
    });
    expect(changed.statusCode).toBe(200);
    const totp = await own.request({ method: 'POST', url: '/api/auth/totp/setup', payload: { password: chosenPassword } });
    expect(totp.statusCode).toBe(200);
    const reset = await t.admin.request({ method: 'POST', url: `/api/users/${userId}/reset-password` });
    expect(reset.statusCode).toBe(200);
    const issued = await t.admin.request({ method: 'POST', url: '/api/api-tokens', payload: { userId, name: '对接令牌' } });
    expect(issued.statusCode).toBe(201);
    expect((await t.admin.request({ method: 'DELETE', url: `/api/api-tokens/${issued.json().id}` })).statusCode).toBe(200);

    const user = await t.db.db
      .selectFrom('users')
      .select(['passwordHash', 'totpSecret'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const token = await t.db.db.selectFrom('apiTokens').select('tokenHash').where('id', '=', issued.json().id).executeTakeFirstOrThrow();
    const secrets = {
      initialPassword,
      chosenPassword,
      resetPassword: reset.json().password as string,
      passwordHash: user.passwordHash,
      totpSecret: totp.json().secret as string,
      token: issued.json().token as string,
      tokenHash: token.tokenHash,
    };
    expect(secrets.totpSecret).toBe(user.totpSecret);
    expect(secretDigest(secrets.token)).toBe(secrets.tokenHash);
    for (const [name, value] of Object.entries(secrets)) expect(value, name).toMatch(/^.{8,}$/);

    const shown = [
      (await t.admin.request({ method: 'GET', url: '/api/audit?entityType=user&pageSize=100' })).json(),
      (await t.admin.request({ method: 'GET', url: '/api/audit?entityType=api_token&pageSize=100' })).json(),
    ].flatMap((page) => page.items);
    // the snapshots are there, only without their secrets
    expect(shown.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'user.create',
        'auth.login',
        'user.change_password',
        'user.totp_setup',
        'user.reset_password',
        'api_token.issue',
        'api_token.revoke',
      ]),
    );
    const createdUser = shown.find((e: { action: string; entityId: string }) => e.action === 'user.create' && e.entityId === userId);
    expect(createdUser.after).toMatchObject({ username: 'secret_keeper' });
    expect(createdUser.after).not.toHaveProperty('passwordHash');
    const issuedToken = shown.find((e: { action: string }) => e.action === 'api_token.issue');
    expect(issuedToken.after).toMatchObject({ name: '对接令牌', userId });
    expect(issuedToken.after).not.toHaveProperty('tokenHash');

    const stored = JSON.stringify(await t.db.db.selectFrom('auditEvents').select(['beforeJson', 'afterJson']).execute());
    const places: [string, string][] = [
      ['the audit API', JSON.stringify(shown)],
      ['the audit table', stored],
    ];
    for (const [where, text] of places) {
      expect(text, where).not.toMatch(/\$argon2id\$/);
      for (const [name, value] of Object.entries(secrets)) expect(text.includes(value), `${name} in ${where}`).toBe(false);
    }
  });
});

describe.each(ENGINES)('audit search on %s', (engine) => {
  it('finds text with % and _ literally', async () => {
    const t = await startTestApp(engine);
    try {
      await buildDepartment(t, { name: '完成率100%_专班' });
      await buildDepartment(t, { name: '完成率100X专班' });
      const page = (
        await t.admin.request({ method: 'GET', url: `/api/audit?entityType=department&q=${encodeURIComponent('100%_')}` })
      ).json();
      expect(page.total).toBe(1);
      expect(page.items[0].after.name).toBe('完成率100%_专班');
    } finally {
      await t.close();
    }
  });
});
