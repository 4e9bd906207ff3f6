import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlySummary, MonthlySummaryForm, MonthlySummaryPage } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { ok, summaryWorld, type SummaryWorld } from './summaries.test-support.ts';

/**
 * 一月一小结 through the real app: a department's template prefilled with its own February figures,
 * its submission, the office's return and acceptance, and what is refused — a month not ended, another
 * department's summary, a second submission, any change once accepted — each leaving nothing behind.
 */
describe.each(ENGINES)('monthly summaries (月度小结) on %s', (engine) => {
  let t: TestApp;
  let w: SummaryWorld;

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await summaryWorld(t);
  });
  afterAll(() => t.close());

  const rows = async () =>
    t.db.db.selectFrom('monthlySummaries').select(['departmentId', 'month', 'status', 'version']).orderBy('id').execute();
  const submit = (payload: object, lang = 'zh-CN') =>
    w.city.session.request({ method: 'POST', url: '/api/summaries/monthly', payload, headers: { 'accept-language': lang } });
  const texts = { highlights: '背街小巷整治按期完成', problems: '渣土车治理进度滞后', nextPlan: '三月底前完成渣土车专项治理' };

  it("prefills a department's template with its own figures for the month and the tasks it closed", async () => {
    const form = await ok<MonthlySummaryForm>(w.city.session, { method: 'GET', url: '/api/summaries/monthly/form?month=2026-02' });
    expect(form).toMatchObject({
      month: '2026-02',
      departmentId: w.city.department.id,
      departmentName: '城市管理局',
      opensOn: '2026-02-28', // a 调休 Saturday: the month's last working day
      monthEnded: true,
      dueDate: '2026-03-06', // the fifth working day of March
      canSubmit: true,
      summary: null,
    });
    // closed 2 (the one closed on 1 March is still open at February's end), one of them late; the draft counts nowhere
    expect(form.figures).toEqual({ closed: 2, closedOnTime: 1, onTimeRate: 50, overdue: 1, open: 3, asOf: '2026-02-28' });
    expect(form.closedTasks.map((c) => [c.title, c.onTime])).toEqual([
      ['背街小巷环境整治', true],
      ['占道经营集中整治', false],
    ]);
    expect(form.suggestedHighlights).toContain(`1. 背街小巷环境整治（${w.tasks.onTime.code}，按期办结）`);
    expect(form.suggestedHighlights).toContain('逾期办结');

    const transport = await ok<MonthlySummaryForm>(w.transport.session, { method: 'GET', url: '/api/summaries/monthly/form' });
    expect(transport.month).toBe('2026-02'); // March has not ended: the latest month open is February
    expect(transport.figures).toMatchObject({ closed: 1, closedOnTime: 1, onTimeRate: 100, overdue: 0, open: 0 });
  });

  it('refuses a month not yet ended and a summary for another department, clearly, writing nothing', async () => {
    const march = await submit({ month: '2026-03', ...texts });
    expect(march.statusCode).toBe(409);
    expect(march.json().error).toMatchObject({
      code: 'summary_month_not_ended',
      message: '2026-03 的工作尚未结束：月度小结自本月最后一个工作日（2026-03-31）起报送',
    });
    const other = await submit({ month: '2026-02', departmentId: w.transport.department.id, ...texts });
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({
      code: 'summary_other_department',
      message: '只能报送本部门的材料：您不能代“交通运输局”报送',
    });
    const english = await submit({ month: '2026-02', departmentId: w.transport.department.id, ...texts }, 'en-US');
    expect(english.json().error.message).toBe('You may only submit for your own department, not for “交通运输局”');
    const form = await w.city.session.request({
      method: 'GET',
      url: `/api/summaries/monthly/form?departmentId=${w.transport.department.id}`,
    });
    expect(form.statusCode).toBe(403);
    expect(await rows()).toEqual([]);
  });

  it('takes a submission, a return with its reason, a resubmission and the acceptance; then refuses every change', async () => {
    const submitted = (await submit({ month: '2026-02', ...texts })).json() as MonthlySummary;
    expect(submitted).toMatchObject({ status: 'submitted', figuresFrozen: true, submittedByName: expect.any(String), ...texts });
    expect(submitted.figures).toMatchObject({ closed: 2, closedOnTime: 1, overdue: 1, open: 3 });
    expect(submitted.abilities).toEqual({ submit: false, return: false, accept: false });

    const twice = await submit({ month: '2026-02', ...texts });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('summary_already_submitted');
    const headReturns = await w.city.session.request({
      method: 'POST',
      url: `/api/summaries/monthly/${submitted.id}/return`,
      payload: { version: submitted.version, reason: '自己退回' },
    });
    expect(headReturns.statusCode).toBe(403);

    const page = await ok<MonthlySummaryPage>(w.office, { method: 'GET', url: '/api/summaries/monthly?month=2026-02' });
    expect(page.items.map((s) => [s.departmentName, s.status, s.abilities.accept])).toEqual([['城市管理局', 'submitted', true]]);

    const returned = await ok<MonthlySummary>(w.office, {
      method: 'POST',
      url: `/api/summaries/monthly/${submitted.id}/return`,
      payload: { version: submitted.version, reason: '请补充渣土车治理的整改措施' },
    });
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请补充渣土车治理的整改措施', returnCount: 1 });
    const inbox = await ok<{ items: { kind: string; entityId: string; body: string }[] }>(w.city.session, {
      method: 'GET',
      url: '/api/inbox',
    });
    expect(inbox.items.filter((i) => i.kind === 'summary.return' && i.entityId === submitted.id)).toHaveLength(1);
    expect(inbox.items.find((i) => i.kind === 'summary.return')!.body).toContain('请补充渣土车治理的整改措施');

    const stale = await submit({ month: '2026-02', version: submitted.version, ...texts });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const again = (await submit({ month: '2026-02', version: returned.version, ...texts, problems: '渣土车治理已制定整改措施' })).json();
    expect(again).toMatchObject({ status: 'submitted', returnCount: 1, problems: '渣土车治理已制定整改措施' });

    const accepted = await ok<MonthlySummary>(w.office, {
      method: 'POST',
      url: `/api/summaries/monthly/${submitted.id}/accept`,
      payload: { version: again.version },
    });
    expect(accepted).toMatchObject({ status: 'accepted', reviewedByName: expect.any(String) });

    const edit = await submit({ month: '2026-02', version: accepted.version, ...texts });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({ code: 'summary_accepted', message: '“城市管理局”2026-02 的月度小结已通过审核，不能再修改' });
    const reReturn = await w.office.request({
      method: 'POST',
      url: `/api/summaries/monthly/${submitted.id}/return`,
      payload: { version: accepted.version, reason: '再退回' },
    });
    expect(reReturn.statusCode).toBe(409);
    expect(reReturn.json().error.code).toBe('summary_accepted');
    expect(await rows()).toEqual([{ departmentId: w.city.department.id, month: '2026-02', status: 'accepted', version: 4 }]);

    const audit = await t.db.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'monthly_summary')
      .where('entityId', '=', submitted.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'monthly_summary.submit',
      'monthly_summary.return',
      'monthly_summary.submit',
      'monthly_summary.accept',
    ]);
  });

  it("shows a department its own summaries only: another's is not found", async () => {
    const [city] = await rows();
    const id = (await t.db.db.selectFrom('monthlySummaries').select('id').executeTakeFirstOrThrow()).id;
    expect(city!.departmentId).toBe(w.city.department.id);
    const list = await ok<MonthlySummaryPage>(w.transport.session, { method: 'GET', url: '/api/summaries/monthly' });
    expect(list.total).toBe(0);
    const one = await w.transport.session.request({ method: 'GET', url: `/api/summaries/monthly/${id}` });
    expect(one.statusCode).toBe(404);
    const mine = await ok<MonthlySummary>(w.city.session, { method: 'GET', url: `/api/summaries/monthly/${id}` });
    expect(mine.departmentName).toBe('城市管理局');
  });
});
