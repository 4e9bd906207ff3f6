import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchSheet, DispatchSheetPage } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { issueApiToken } from '../identity/access.service.ts';
import { dispatchWorld, itemsOf, officeOf, sheetFrom, userIn, WEEK, type DispatchWorld } from './dispatch.test-support.ts';

/**
 * 一周一调度 through the real app: the week's sheet drafted from red and yellow tasks and open
 * instructions, grouped by the leader in charge; once a week per plan and department; edited by the
 * office; seen and changed only within the data scope, by session or by API token.
 */
describe.each(ENGINES)('weekly dispatch sheets (调度单) on %s', (engine) => {
  let t: TestApp;
  let w: DispatchWorld;
  let office: Session;
  let area: DispatchSheet;

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await dispatchWorld(t);
    office = await officeOf(t);
    area = await sheetFrom(office, { method: 'POST', url: '/api/dispatch/sheets', payload: { planId: w.plan.id, week: WEEK } }, 201);
  });
  afterAll(() => t.close());

  const count = async (table: 'dispatchSheets' | 'dispatchItems') =>
    Number(
      (
        await t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("drafts the area's week from red and yellow tasks and open instructions, grouped by leader in charge", () => {
    expect(area).toMatchObject({ status: 'draft', week: WEEK, weekStart: '2026-03-02', weekEnd: '2026-03-08', departmentId: w.root.id });
    expect(area.title).toBe(`${area.departmentName}2026年第10周工作调度单`);
    // 李 before 张 (pinyin order); the 执法大队's task has no leader of its own: its programme's, 李
    expect(area.groups.map((g) => g.leaderName)).toEqual(['李副主任', '张副主任']);
    expect(area.groups[0]!.items.map((i) => [i.source, i.warning, i.taskId])).toEqual([['task', 'yellow', w.yellow.id]]);
    // 张: the red task first, then the instructions awaiting feedback, the soonest due first
    expect(itemsOf({ ...area, groups: [area.groups[1]!] })).toEqual([
      'task:背街小巷环境整治',
      'instruction:请交通局研究公交接驳方案',
      'instruction:背街小巷环境整治',
    ]);
    const onRed = area.groups[1]!.items[2]!;
    expect(onRed).toMatchObject({
      sourceId: w.onRed.id,
      taskId: w.red.id,
      dueDate: '2026-03-06',
      detail: '张副主任：请城管局本周内拿出整改方案',
    });
    expect(area.groups[1]!.items[0]).toMatchObject({ warning: 'red', departmentName: '城市管理局', dueDate: '2026-02-27', progress: 0 });
    // calm, draft, another plan's red task and an instruction asking for nothing stay off the sheet
    const sources = area.groups.flatMap((g) => g.items.map((i) => i.sourceId));
    for (const id of [w.calm.id, w.redDraft.id, w.elsewhereRed.id, w.noted.id]) expect(sources).not.toContain(id);
    expect(area.abilities).toEqual({ edit: true, recordMeeting: true, decide: false, makeTask: false, close: false });
  });

  it("drafts a department's own sheet from its units only", async () => {
    const cityOffice = await userIn(t, w.city.id, ['dispatch.read', 'dispatch.manage']);
    const own = await sheetFrom(
      cityOffice,
      { method: 'POST', url: '/api/dispatch/sheets', payload: { planId: w.plan.id, week: WEEK } },
      201,
    );
    expect(own.departmentId).toBe(w.city.id);
    expect(itemsOf(own).sort()).toEqual(['instruction:背街小巷环境整治', 'task:占道经营集中整治', 'task:背街小巷环境整治'].sort());
  });

  it('drafts a week once per plan and department: a second draft is a clear 409 and writes nothing', async () => {
    const [sheets, items] = [await count('dispatchSheets'), await count('dispatchItems')];
    const again = await office.request({ method: 'POST', url: '/api/dispatch/sheets', payload: { planId: w.plan.id, week: WEEK } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'dispatch_sheet_exists',
      message: `${WEEK} 的调度单已经起草（“${area.title}”），请直接打开编辑`,
    });
    const english = await office.request({
      method: 'POST',
      url: '/api/dispatch/sheets',
      headers: { 'accept-language': 'en-US' },
      payload: { planId: w.plan.id, week: WEEK },
    });
    expect(english.json().error.message).toContain('has already been drafted');
    expect([await count('dispatchSheets'), await count('dispatchItems')]).toEqual([sheets, items]);
  });

  it('refuses a week outside the plan and a week that does not exist (400)', async () => {
    const outside = await office.request({ method: 'POST', url: '/api/dispatch/sheets', payload: { planId: w.plan.id, week: '2027-W03' } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('dispatch_week_outside_plan');
    const noSuchWeek = await office.request({
      method: 'POST',
      url: '/api/dispatch/sheets',
      payload: { planId: w.plan.id, week: '2025-W53' },
    });
    expect(noSuchWeek.statusCode).toBe(400);
    expect(noSuchWeek.json().error.fields[0].path).toBe('body.week');
  });

  it('lists the sheets by week with their counts and this week', async () => {
    const res = await office.request({ method: 'GET', url: `/api/dispatch/sheets?planId=${w.plan.id}&departmentId=${w.root.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as DispatchSheetPage;
    expect(page.currentWeek).toEqual({ week: WEEK, weekStart: '2026-03-02', weekEnd: '2026-03-08' });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: area.id, status: 'draft', itemCount: 4, decisionCount: 0, taskCount: 0 });
  });

  it('saves the editor: items reordered, removed, moved to another leader, added by hand, with notes; audited', async () => {
    const sheet = await sheetFrom(office, { method: 'GET', url: `/api/dispatch/sheets/${area.id}` });
    const [yellow] = sheet.groups[0]!.items;
    const [red, toTransport] = sheet.groups[1]!.items; // the instruction on the red task is dropped
    const input = (i: typeof red, over: object = {}) => ({
      id: i!.id,
      title: i!.title,
      detail: i!.detail,
      leaderPersonId: i!.leaderPersonId,
      note: i!.note,
      ...over,
    });
    const saved = await sheetFrom(office, {
      method: 'PUT',
      url: `/api/dispatch/sheets/${area.id}`,
      payload: {
        version: sheet.version,
        title: '第10周重点工作调度单',
        notes: '请各分管领导提前审阅',
        items: [
          input(red, { note: '请城管局汇报整改进度' }),
          input(toTransport),
          input(yellow, { leaderPersonId: w.zhang.id }),
          { title: '科学城公交接驳问题', detail: '群众反映出行不便', leaderPersonId: w.li.id, departmentId: w.transport.id, note: '' },
        ],
      },
    });
    expect(saved).toMatchObject({ title: '第10周重点工作调度单', notes: '请各分管领导提前审阅', version: sheet.version + 1 });
    expect(saved.groups.map((g) => [g.leaderName, g.items.map((i) => i.source)])).toEqual([
      ['张副主任', ['task', 'instruction', 'task']],
      ['李副主任', ['manual']],
    ]);
    expect(saved.groups[0]!.items[0]).toMatchObject({ id: red!.id, note: '请城管局汇报整改进度', warning: 'red', taskId: w.red.id });
    expect(saved.groups[1]!.items[0]).toMatchObject({
      title: '科学城公交接驳问题',
      departmentName: '交通运输局',
      sourceId: null,
      taskId: null,
    });
    const audited = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', area.id).orderBy('seq').execute();
    expect(audited.map((a) => a.action)).toEqual(['dispatch_sheet.draft', 'dispatch_sheet.edit']);

    // a stale version, an item of another sheet: refused, nothing changes
    const stale = await office.request({
      method: 'PUT',
      url: `/api/dispatch/sheets/${area.id}`,
      payload: { version: sheet.version, title: 'x', items: [] },
    });
    expect(stale.statusCode).toBe(409);
    const foreign = await office.request({
      method: 'PUT',
      url: `/api/dispatch/sheets/${area.id}`,
      payload: { version: saved.version, title: 'x', items: [{ id: yellow!.id.replace(/.$/, '0'), title: 'x', leaderPersonId: null }] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0]).toMatchObject({ path: 'body.items.0.id', message: '不是本调度单上的事项' });
    expect(itemsOf(await sheetFrom(office, { method: 'GET', url: `/api/dispatch/sheets/${area.id}` }))).toEqual(itemsOf(saved));
  });

  it("keeps a department's user out of another department's sheet (404), and a reader from changing one (403)", async () => {
    const transportOffice = await userIn(t, w.transport.id, ['dispatch.read', 'dispatch.manage'], 'dept');
    const cityReader = await userIn(t, w.city.id, ['dispatch.read']);
    const cityManager = await userIn(t, w.city.id, ['dispatch.read', 'dispatch.manage']);
    const citySheet = (
      (await cityManager.request({ method: 'GET', url: `/api/dispatch/sheets?week=${WEEK}` })).json() as DispatchSheetPage
    ).items.find((s) => s.departmentId === w.city.id)!;
    const edit = (s: Session, id: string, version: number) =>
      s.request({ method: 'PUT', url: `/api/dispatch/sheets/${id}`, payload: { version, title: '改名', items: [] } });

    for (const id of [citySheet.id, area.id]) {
      expect((await transportOffice.request({ method: 'GET', url: `/api/dispatch/sheets/${id}` })).statusCode).toBe(404);
      const refused = await edit(transportOffice, id, 1);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.message).toBe('未找到该记录，或您无权查看');
    }
    const listed = (await transportOffice.request({ method: 'GET', url: '/api/dispatch/sheets' })).json() as DispatchSheetPage;
    expect(listed.items.map((s) => s.id)).not.toContain(citySheet.id);
    // drafting for another department is as out of sight
    const foreignDraft = await transportOffice.request({
      method: 'POST',
      url: '/api/dispatch/sheets',
      payload: { planId: w.plan.id, week: '2026-W11', departmentId: w.city.id },
    });
    expect(foreignDraft.statusCode).toBe(404);

    expect((await cityReader.request({ method: 'GET', url: `/api/dispatch/sheets/${citySheet.id}` })).statusCode).toBe(200);
    expect((await edit(cityReader, citySheet.id, citySheet.version)).statusCode).toBe(403);
    expect((await cityReader.request({ method: 'GET', url: `/api/dispatch/sheets/${area.id}` })).statusCode).toBe(404);
    const unchanged = await sheetFrom(cityManager, { method: 'GET', url: `/api/dispatch/sheets/${citySheet.id}` });
    expect(unchanged.version).toBe(citySheet.version);
  });

  it('answers an API token as its owner: reads and edits in scope, no CSRF, nothing beyond the scope', async () => {
    const owner = await buildSignedInUser(t, { permissions: ['dispatch.read', 'dispatch.manage'], dataScope: 'all' });
    const scope = { kind: 'permissions' as const, permissions: ['dispatch.read' as const, 'dispatch.manage' as const] };
    const { token } = await issueApiToken(
      systemCtx(t.db, t.clock),
      { userId: owner.user.id, name: '调度接口', scope },
      t.config.tokenMaxDays,
    );
    const bearer = { authorization: `Bearer ${token}` };
    const read = await t.app.inject({ method: 'GET', url: `/api/dispatch/sheets/${area.id}`, headers: bearer });
    expect(read.statusCode, read.body).toBe(200);
    const sheet = read.json() as DispatchSheet;
    expect(sheet.abilities.edit).toBe(true);
    const notes = await t.app.inject({
      method: 'PUT',
      url: `/api/dispatch/sheets/${area.id}`,
      headers: bearer,
      payload: { version: sheet.version, title: sheet.title, notes: '接口补充说明', items: [] },
    });
    expect(notes.statusCode, notes.body).toBe(200);
    expect((notes.json() as DispatchSheet).groups).toEqual([]);
    const readOnly = await issueApiToken(
      systemCtx(t.db, t.clock),
      { userId: owner.user.id, name: '只读', scope: { kind: 'read_only' } },
      t.config.tokenMaxDays,
    );
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/dispatch/sheets/${area.id}`,
      headers: { authorization: `Bearer ${readOnly.token}` },
      payload: { version: sheet.version + 1, title: '只读令牌改名', items: [] },
    });
    expect(refused.statusCode).toBe(403);
    expect((await sheetFrom(office, { method: 'GET', url: `/api/dispatch/sheets/${area.id}` })).title).toBe(sheet.title);
  });
});
