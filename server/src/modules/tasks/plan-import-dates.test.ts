import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPlan, buildSignedInUser } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { PLAN_COLUMNS as C } from './tasks.xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = Object.values(C);

async function workbook(rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('计划任务');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(HEADERS.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Issue 12 follow-up: a plan import keeps the task API's rule on due dates (not before today, inside
 * the plan's period) row by row, unless someone holding tasks.backfill asks for 补录.
 * The test clock stands at 2026-03-02; the plan runs through 2026.
 */
describe.each(ENGINES)('plan import due dates on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let backfiller: Session;
  let dept: { id: string; name: string };
  beforeAll(async () => {
    t = await startTestApp(engine);
    dept = await buildDepartment(t);
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
    backfiller = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage', 'tasks.backfill'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const row = (title: string, startDate: string, dueDate: string) => ({
    [C.programmeCode]: 'P1',
    [C.measureCode]: 'M01',
    [C.title]: title,
    [C.leadDepartment]: dept.name,
    [C.startDate]: startDate,
    [C.dueDate]: dueDate,
  });
  const file = () =>
    workbook([
      row('按期任务', '2026-03-02', '2026-06-30'),
      row('去年已办结的任务', '2026-01-05', '2026-02-27'), // before today
      row('跨年任务', '2026-03-02', '2027-01-15'), // after the plan's end
    ]);
  const importPlan = async (s: Session, planId: string, query: string, lang = 'zh-CN') => {
    const upload = multipartFile({ filename: 'plan.xlsx', contentType: XLSX, data: await file() });
    return s.request({
      method: 'POST',
      url: `/api/plans/${planId}/import?${query}`,
      ...upload,
      headers: { ...upload.headers, 'accept-language': lang },
    });
  };
  const taskTitles = async (planId: string) =>
    (await t.db.db.selectFrom('tasks').select('title').where('planId', '=', planId).execute()).map((r) => r.title).sort();

  it('refuses rows due before today or outside the plan, each with its reason, and writes nothing', async () => {
    const plan = await buildPlan(t, { name: '2026年作风建设计划' });
    const res = await importPlan(office, plan.id, 'dryRun=false');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ committed: false, created: 0 });
    expect(report.errors).toEqual([
      { row: 3, field: C.dueDate, message: '完成时限 2026-02-27 早于今天（2026-03-02）。补录历史任务须由有补录权限的人勾选“补录”后导入' },
      {
        row: 4,
        field: C.dueDate,
        message:
          '完成时限 2027-01-15 不在计划“2026年作风建设计划”的期间（2026-01-01 至 2026-12-31）内。确需补录的，由有补录权限的人勾选“补录”后导入',
      },
    ]);
    const en = (await importPlan(office, plan.id, 'dryRun=true', 'en-US')).json();
    expect(en.errors.map((e: { message: string }) => e.message)).toEqual([
      'the due date 2026-02-27 is before today (2026-03-02). To back-fill past tasks, someone with the back-fill permission ticks "Back-fill" when importing',
      'the due date 2027-01-15 lies outside the period of the plan "2026年作风建设计划" (2026-01-01 to 2026-12-31). To back-fill on purpose, someone with the back-fill permission ticks "Back-fill" when importing',
    ]);
    expect(await taskTitles(plan.id)).toEqual([]);
  });

  it('refuses back-fill to someone without the permission (403), before reading a row', async () => {
    const plan = await buildPlan(t);
    const res = await importPlan(office, plan.id, 'dryRun=true&backfill=true');
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('backfill_not_allowed');
  });

  it('writes every row when the back-fill permission asks for it, and says so in the audit record', async () => {
    const plan = await buildPlan(t);
    const dry = (await importPlan(backfiller, plan.id, 'dryRun=true&backfill=true')).json();
    expect(dry).toMatchObject({ committed: false, created: 3, errors: [] });
    const res = await importPlan(backfiller, plan.id, 'backfill=true');
    expect(res.json()).toMatchObject({ committed: true, created: 3, errors: [] });
    expect(await taskTitles(plan.id)).toEqual(['去年已办结的任务', '按期任务', '跨年任务'].sort());
    const audit = await t.db.db
      .selectFrom('auditEvents')
      .select('afterJson')
      .where('action', '=', 'plan.import')
      .where('entityId', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.afterJson!)).toMatchObject({ created: 3, backfill: true });
  });

  it('still refuses such rows to the back-fill permission when it does not ask for back-fill', async () => {
    const plan = await buildPlan(t);
    const report = (await importPlan(backfiller, plan.id, 'dryRun=true')).json();
    expect(report.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
  });
});
