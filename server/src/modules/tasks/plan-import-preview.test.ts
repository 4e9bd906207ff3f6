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

/** 导入预览: a dry run lists every row it read, so the console can show each with its errors or "ok". */
describe.each(ENGINES)('plan import preview on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  beforeAll(async () => {
    t = await startTestApp(engine);
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const importPlan = async (planId: string, bytes: Buffer, dryRun: boolean) =>
    (
      await office.request({
        method: 'POST',
        url: `/api/plans/${planId}/import?dryRun=${dryRun}`,
        ...multipartFile({ filename: 'plan.xlsx', contentType: XLSX, data: bytes }),
      })
    ).json();

  it('lists every row read on a dry run and on a refusal, none once written', async () => {
    const plan = await buildPlan(t);
    const dept = await buildDepartment(t);
    const row = (title: string, over: Record<string, string> = {}) => ({
      [C.programmeCode]: 'P1',
      [C.measureCode]: 'M01',
      [C.title]: title,
      [C.leadDepartment]: dept.name,
      [C.startDate]: '2026-03-02',
      [C.dueDate]: '2026-06-30',
      ...over,
    });
    const good = await workbook([row('第一项', { [C.code]: 'M01-01' }), row('第二项')]);
    const dry = await importPlan(plan.id, good, true);
    expect(dry).toMatchObject({ dryRun: true, committed: false, total: 2, errors: [] });
    expect(dry.planRows).toEqual([
      { row: 2, programme: 'P1', measure: 'M01', code: 'M01-01', title: '第一项' },
      { row: 3, programme: 'P1', measure: 'M01', code: '', title: '第二项' },
    ]);

    const bad = await importPlan(plan.id, await workbook([row('好的'), row('坏的', { [C.dueDate]: '2026-02-30' })]), false);
    expect(bad).toMatchObject({ committed: false, errors: [{ row: 3, field: C.dueDate }] });
    expect(bad.planRows.map((r: { row: number }) => r.row)).toEqual([2, 3]);

    const written = await importPlan(plan.id, good, false);
    expect(written).toMatchObject({ committed: true, created: 2 });
    expect(written.planRows).toBeUndefined();
  });
});
