import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signIn, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser, buildTask, rootDepartment } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { runCli } from '../../../test/cli.ts';
import { enqueueJob, runDueJobs } from '../../platform/jobs/runner.ts';
import { verifyAuditRecords } from '../../platform/audit/verify-records.ts';
import { describeAuditCheck } from '../../platform/audit/report.ts';
import { systemCtx } from '../../bootstrap.ts';
import { seedDemo } from '../../seed/demo.ts';
import { seedCampaign } from '../../seed/campaign.ts';
import { seedOfficeRules } from '../../seed/office-rules-demo.ts';
import { taskWarningsJob } from '../tasks/index.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const cliEnv = (t: TestApp) => ({
  QINLIAN_DATA_DIR: t.config.dataDir,
  ...(t.config.database.engine === 'postgres'
    ? { DATABASE_URL: t.config.database.url }
    : { DATABASE_URL: `sqlite:${t.config.database.file}` }),
});

/**
 * The test that every write path seals: the app's ordinary writes through the API — the org tree
 * (with a move that rewrites a subtree's paths), people (account, photo, move, import), posts,
 * roles and role grants, accounts (reset, disable, own password), and a task's whole life with its
 * nightly recolouring — and `audit verify --records` finds every business row as its last audit
 * event left it.
 */
describe.each(ENGINES)('verify --records after ordinary writes on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const ok = async (s: Session, opts: Parameters<Session['request']>[0], status = 200) => {
    const res = await s.request(opts);
    expect(res.statusCode, `${opts.method} ${opts.url}: ${res.body}`).toBe(status);
    return res.json();
  };

  it('finds every tracked row as its latest audit event sealed it', async () => {
    const admin = t.admin;
    const root = await rootDepartment(t);
    // 组织: create, rename, move a department with a child (its subtree's paths are rewritten), archive
    const bureau = await ok(
      admin,
      { method: 'POST', url: '/api/departments', payload: { name: '封印测试局', parentId: root.id, kind: 'department' } },
      201,
    );
    const other = await ok(
      admin,
      { method: 'POST', url: '/api/departments', payload: { name: '封印测试委', parentId: root.id, kind: 'department' } },
      201,
    );
    const section = await ok(
      admin,
      { method: 'POST', url: '/api/departments', payload: { name: '综合科', parentId: bureau.id, kind: 'group' } },
      201,
    );
    const group = await ok(
      admin,
      { method: 'POST', url: '/api/departments', payload: { name: '一组', parentId: section.id, kind: 'group' } },
      201,
    );
    await ok(admin, {
      method: 'PATCH',
      url: `/api/departments/${bureau.id}`,
      payload: { name: '封印测试局（改）', version: bureau.version },
    });
    await ok(admin, { method: 'PATCH', url: `/api/departments/${section.id}`, payload: { parentId: other.id, version: section.version } });
    await ok(admin, { method: 'POST', url: `/api/departments/${group.id}/archive` });

    // 角色与授权: a role made, its permissions changed, an unused one deleted
    const role = await ok(
      admin,
      {
        method: 'POST',
        url: '/api/roles',
        payload: { code: 'seal_staff', name: '封印测试角色', permissions: ['org.read'], dataScope: 'dept' },
      },
      201,
    );
    await ok(admin, {
      method: 'PATCH',
      url: `/api/roles/${role.id}`,
      payload: { permissions: ['org.read', 'people.read'], version: role.version },
    });
    const spare = await ok(
      admin,
      {
        method: 'POST',
        url: '/api/roles',
        payload: { code: 'seal_spare', name: '备用角色', permissions: ['org.read'], dataScope: 'self' },
      },
      201,
    );
    await ok(admin, { method: 'DELETE', url: `/api/roles/${spare.id}` });

    // 人员与账号: a person with an account, edited, photographed, moved; the account's roles, reset, disabled and enabled
    const person = await ok(
      admin,
      {
        method: 'POST',
        url: '/api/people',
        payload: { name: '封印测试员', departmentId: bureau.id, title: '科员', account: { username: 'seal_user', roleIds: [role.id] } },
      },
      201,
    );
    await ok(admin, { method: 'PATCH', url: `/api/people/${person.id}`, payload: { title: '副科长' } });
    const photo = multipartFile({ filename: 'me.png', contentType: 'image/png', data: PNG });
    await ok(admin, {
      method: 'POST',
      url: `/api/people/${person.id}/photo`,
      payload: photo.payload,
      headers: photo.headers,
    });
    await ok(admin, {
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      payload: { departmentId: other.id },
    });
    const staffRole = (await ok(admin, { method: 'GET', url: '/api/roles' })).items.find((r: { code: string }) => r.code === 'staff');
    await ok(admin, { method: 'PUT', url: `/api/users/${person.userId}/roles`, payload: { roleIds: [role.id, staffRole.id] } });
    const reset = await ok(admin, { method: 'POST', url: `/api/users/${person.userId}/reset-password` });
    await ok(admin, { method: 'POST', url: `/api/users/${person.userId}/disable` });
    await ok(admin, { method: 'POST', url: `/api/users/${person.userId}/enable` });
    const own = await signIn(t.app, 'seal_user', reset.password);
    await ok(own, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: reset.password, newPassword: 'Fengyin#2026' } });

    // 批量导入: two people, one with an account
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['姓名', '手机', '部门', '职务', '状态', '账号']);
    ws.addRow(['导入甲', '13977770001', '封印测试委', '科员', '在岗', 'seal_import']);
    ws.addRow(['导入乙', null, '封印测试委', '科员', '在岗', null]);
    const file = multipartFile({ filename: 'people.xlsx', contentType: XLSX, data: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect((await ok(admin, { method: 'POST', url: '/api/people/import', payload: file.payload, headers: file.headers })).created).toBe(2);

    // 岗位: made, edited, archived
    const post = await buildPost(t, { departmentId: other.id });
    await ok(admin, { method: 'PATCH', url: `/api/posts/${post.id}`, payload: { duties: '改过的职责', version: post.version } });
    const spentPost = await buildPost(t, { departmentId: other.id });
    await ok(admin, { method: 'POST', url: `/api/posts/${spentPost.id}/archive` });

    // 督办事项: edited, assigned, accepted, reported, closed with evidence, urged; then the nightly recolouring
    const lead = await buildDepartment(t);
    const holder = await buildPerson(t, { departmentId: lead.id });
    const taskPost = await buildPost(t, { departmentId: lead.id, aPersonId: holder.id });
    const office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
    const handler = (await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.handle'], dataScope: 'dept', personId: holder.id }))
      .session;
    let task = await buildTask(t, { leadDepartmentId: lead.id, responsiblePostId: taskPost.id, dueDate: '2026-03-20' });
    task = await ok(office, {
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      payload: { title: '改过标题的督办事项', version: task.version },
    });
    const step = async (s: Session, action: string, extra: Record<string, unknown> = {}) =>
      (task = await ok(s, {
        method: 'POST',
        url: `/api/tasks/${task.id}/transition`,
        payload: { action, version: task.version, ...extra },
      }));
    await step(office, 'assign');
    await step(handler, 'accept');
    await step(handler, 'report', { percent: 60, comment: '过半' });
    const evidence = multipartFile({ filename: '台账.pdf', contentType: 'application/pdf', data: PDF });
    const uploaded = await ok(handler, { method: 'POST', url: '/api/files', payload: evidence.payload, headers: evidence.headers }, 201);
    await step(handler, 'request_close', { comment: '已完成', fileIds: [uploaded.id] });
    await step(office, 'close', { comment: '同意销号' });
    expect(task).toMatchObject({ status: 'closed', progress: 100 });
    const late = await buildTask(t, { leadDepartmentId: lead.id, responsiblePostId: taskPost.id, dueDate: '2026-03-04' });
    await ok(office, { method: 'POST', url: `/api/tasks/${late.id}/transition`, payload: { action: 'assign', version: late.version } });
    await ok(office, { method: 'POST', url: `/api/tasks/${late.id}/urge`, payload: { message: '请抓紧办理' } }, 201);
    t.clock.advance(20 * 86_400_000); // the late task turns red overnight: the warnings job saves it
    await enqueueJob(systemCtx(t.db, t.clock), taskWarningsJob, {});
    const ran = await runDueJobs(
      { db: t.db.db, engine: t.db.engine, clock: t.clock, config: t.config, jobs: [taskWarningsJob] },
      { instanceId: 'test' },
    );
    expect(ran.done).toBe(1);
    const recoloured = await t.db.db.selectFrom('tasks').select('warning').where('id', '=', late.id).executeTakeFirstOrThrow();
    expect(recoloured.warning).not.toBe('none');

    const check = await verifyAuditRecords(t.db.db);
    expect(describeAuditCheck(check).lines.join('\n')).toContain('business rows match');
    expect(check.chain).toMatchObject({ ok: true });
    expect(check.chain.macsChecked).toBe(check.chain.checked);
    expect(check.records?.problems).toEqual([]);
    expect(check.records).toMatchObject({ ok: true, rebaselinedAt: null });
    const counted = await t.db.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(check.records!.rows).toBeGreaterThan(Number(counted.n) + 20);

    const cli = await runCli(['audit', 'verify', '--records'], cliEnv(t));
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toContain('audit chain intact');
    expect(cli.stdout).toMatch(/business rows match the audit log: \d+ rows/);
  });
});

/** The demo organisation, campaign and office rules (what a first start shows) verify clean too, in seconds. */
describe.each(ENGINES)('verify --records after the demo seed on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    t.clock.set(new Date('2026-11-25T02:00:00Z'));
    await seedDemo(t.db, t.clock);
    expect((await seedCampaign(t.db, { dataDir: t.config.dataDir, clock: t.clock })).seeded).toBe(true);
    expect((await seedOfficeRules(t.db, { keys: t.config, clock: t.clock })).seeded).toBe(true);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the seeded organisation, accounts, tasks and office-rules rows as their audit events left them', async () => {
    const started = performance.now();
    const check = await verifyAuditRecords(t.db.db);
    const seconds = (performance.now() - started) / 1000;
    expect(check.records?.problems).toEqual([]);
    expect(check.records).toMatchObject({ ok: true });
    expect(check.records!.rows).toBeGreaterThan(300);
    expect(seconds).toBeLessThan(30); // a few seconds on a laptop; generous for a loaded CI machine
    console.log(
      `[verify --records, demo seed, ${engine}] ${check.chain.checked} events, ${check.records!.rows} rows: ${seconds.toFixed(2)} s`,
    );
  });
});
