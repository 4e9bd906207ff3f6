import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
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

describe.each(ENGINES)('audit chain on %s', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(engine);
    const root = await rootDepartment(t);
    for (let i = 0; i < 4; i++) await buildDepartment(t, { parentId: root.id, name: `审计测试部门${i}` });
  });
  afterEach(async () => {
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
    const page = await t.admin.request({ method: 'GET', url: '/api/audit?entityType=user&pageSize=100' });
    expect(page.body).not.toMatch(/\$argon2id\$/);
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
