import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandRoutingRule, DemandRoutingRuleList } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildSignedInUser, buildViewerIn } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { receiveDemand } from './demand-intake.service.ts';

/** 分类规则 through the real app: the office keeps them, everyone reading demands sees them, intake applies them at once. */
describe.each(ENGINES)('demand routing rules (分类规则) on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    office = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.dispatch', 'demands.manage'] })).session;
    const dept = await buildDepartment(t);
    staff = (await buildViewerIn(t, dept.id, { permissions: ['demands.read', 'demands.handle'], dataScope: 'dept' })).session;
  });
  afterAll(() => t.close());

  const post = (s: Session, payload: object) => s.request({ method: 'POST', url: '/api/demand-routing-rules', payload });
  const patch = (s: Session, id: string, payload: object) =>
    s.request({ method: 'PATCH', url: `/api/demand-routing-rules/${id}`, payload });
  const remove = (s: Session, id: string, version: number) =>
    s.request({ method: 'DELETE', url: `/api/demand-routing-rules/${id}?version=${version}` });
  const list = async (s: Session) =>
    ((await s.request({ method: 'GET', url: '/api/demand-routing-rules' })).json() as DemandRoutingRuleList).items;
  const count = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('demandRoutingRules')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const receive = (title: string, body: string) =>
    receiveDemand(systemCtx({ ...t.db }, t.clock), t.config, { kind: 'demand', channel: 'phone', title, body });

  it('lets the office add, change and remove a rule, audited, and intake suggests by it at once', async () => {
    const dept = await buildDepartment(t, { name: '建设管理局' });
    const created = await post(office, { keyword: ' 路灯 ', category: '市政设施', departmentId: dept.id, weight: 3 });
    expect(created.statusCode).toBe(201);
    const rule = created.json() as DemandRoutingRule;
    expect(rule).toMatchObject({
      keyword: '路灯',
      category: '市政设施',
      departmentId: dept.id,
      departmentName: '建设管理局',
      weight: 3,
      version: 1,
      abilities: { edit: true, remove: true },
    });
    expect((await list(staff)).find((r) => r.id === rule.id)).toMatchObject({ keyword: '路灯', abilities: { edit: false, remove: false } });

    const first = await receive('幸福路路灯不亮', '幸福路口的三盏路灯一个多星期不亮了，晚上很危险');
    expect(first).toMatchObject({ suggestedCategory: '市政设施', suggestedDepartmentId: dept.id });

    const changed = await patch(office, rule.id, { category: '城市管理', departmentId: null, version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ category: '城市管理', departmentId: null, departmentName: null, version: 2 });
    const second = await receive('文化路路灯坏了', '文化路的路灯坏了好几天');
    expect(second).toMatchObject({ suggestedCategory: '城市管理', suggestedDepartmentId: null });

    expect((await remove(office, rule.id, 2)).statusCode).toBe(200);
    expect((await list(office)).some((r) => r.id === rule.id)).toBe(false);
    const third = await receive('学府路路灯不亮', '学府路的路灯不亮');
    expect(third).toMatchObject({ suggestedCategory: null, suggestedDepartmentId: null });

    const actions = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', rule.id).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'demand_routing_rule.create',
      'demand_routing_rule.update',
      'demand_routing_rule.delete',
    ]);
  });

  it('refuses bad input with a message and keeps nothing', async () => {
    const before = await count();
    for (const payload of [
      { keyword: '', category: '教育' },
      { keyword: '   ', category: '教育' },
      { keyword: '学'.repeat(100), category: '教育' },
      { keyword: '学校', category: '' },
      { keyword: '学校', category: '教育', weight: 0 },
      { keyword: '学校', category: '教育', weight: 1.5 },
    ]) {
      const res = await post(office, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const unknown = await post(office, { keyword: '学校', category: '教育', departmentId: 'no-such-department' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.fields).toMatchObject([{ path: 'body.departmentId' }]);

    const archived = await buildDepartment(t);
    expect((await t.admin.request({ method: 'POST', url: `/api/departments/${archived.id}/archive` })).statusCode).toBe(200);
    const gone = await post(office, { keyword: '学校', category: '教育', departmentId: archived.id });
    expect(gone.statusCode).toBe(409);
    expect(gone.json().error.code).toBe('department_archived');
    expect(await count()).toBe(before);
  });

  it('answers 409 to a duplicate keyword in the same category, and to a stale version', async () => {
    const rule = (await post(office, { keyword: 'WiFi', category: '营商环境' })).json() as DemandRoutingRule;
    expect(rule.keyword).toBe('wifi');
    const dup = await post(office, { keyword: 'ＷＩＦＩ', category: '营商环境' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'routing_rule_duplicate',
      message: '关键词“wifi”已归入分类“营商环境”，请直接修改那条规则',
      fields: [{ path: 'body.keyword', message: '关键词“wifi”已归入分类“营商环境”，请直接修改那条规则' }],
    });
    const en = await office.request({
      method: 'POST',
      url: '/api/demand-routing-rules',
      payload: { keyword: 'wifi', category: '营商环境' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().error.message).toBe('The keyword “wifi” already points to “营商环境”; edit that rule instead');
    expect((await post(office, { keyword: 'wifi', category: '教育' })).statusCode).toBe(201); // another category: fine

    const other = (await post(office, { keyword: '网络', category: '营商环境' })).json() as DemandRoutingRule;
    const clash = await patch(office, other.id, { keyword: 'WIFI', version: other.version });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('routing_rule_duplicate');

    expect((await patch(office, rule.id, { weight: 2, version: 1 })).statusCode).toBe(200);
    const stale = await patch(office, rule.id, { weight: 5, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await remove(office, rule.id, 1)).statusCode).toBe(409);
    expect((await list(office)).find((r) => r.id === rule.id)).toMatchObject({ weight: 2, version: 2 });
    expect((await remove(office, 'no-such-rule', 1)).statusCode).toBe(404);
  });

  it('refuses changes to anyone without demands.manage (403), and the list to anyone without demands.read', async () => {
    const rule = (await post(office, { keyword: '噪音', category: '环境噪声' })).json() as DemandRoutingRule;
    expect((await post(staff, { keyword: '垃圾', category: '环境噪声' })).statusCode).toBe(403);
    expect((await patch(staff, rule.id, { weight: 3, version: 1 })).statusCode).toBe(403);
    expect((await remove(staff, rule.id, 1)).statusCode).toBe(403);
    const outsider = (await buildSignedInUser(t, { permissions: ['tasks.read'] })).session;
    expect((await outsider.request({ method: 'GET', url: '/api/demand-routing-rules' })).statusCode).toBe(403);
    expect((await list(office)).find((r) => r.id === rule.id)).toMatchObject({ weight: 1, version: 1 });
  });
});
