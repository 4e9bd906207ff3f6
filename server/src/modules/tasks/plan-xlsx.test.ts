import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildDepartment,
  buildMeasure,
  buildPerson,
  buildPlan,
  buildPost,
  buildProgramme,
  buildSignedInUser,
  buildTask,
} from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { firstSheetRows } from '../../../test/xlsx-rows.ts';
import { PLAN_COLUMNS as C } from './tasks.xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = Object.values(C);

async function workbook(rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('计划任务');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(HEADERS.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
describe.each(ENGINES)('plan workbook and evidence files on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let dept: { id: string; name: string };
  let coop: { id: string; name: string };
  let post: { id: string; name: string };
  let leader: { name: string };

  beforeAll(async () => {
    t = await startTestApp(engine, { uploadLimitBytes: 256 * 1024 });
    dept = await buildDepartment(t);
    coop = await buildDepartment(t);
    post = await buildPost(t, { departmentId: dept.id, name: '督查督办岗' });
    leader = await buildPerson(t, { departmentId: coop.id, title: '管委会副主任' });
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const importPlan = (planId: string, bytes: Buffer, dryRun = false) =>
    office.request({
      method: 'POST',
      url: `/api/plans/${planId}/import?dryRun=${dryRun}`,
      ...multipartFile({ filename: 'plan.xlsx', contentType: XLSX, data: bytes }),
    });
  const good = (over: Record<string, string | number> = {}) => ({
    [C.programmeCode]: 'P1',
    [C.programmeName]: '作风提升工程',
    [C.measureCode]: 'M05',
    [C.measureName]: '推行限时办结制',
    [C.title]: '梳理限时办结事项清单',
    [C.leadDepartment]: dept.name,
    [C.cooperating]: coop.name,
    [C.post]: post.name,
    [C.leader]: leader.name,
    [C.startDate]: '2026-03-02',
    [C.dueDate]: '2026-06-30',
    [C.weight]: 2,
    [C.tagged]: '是',
    [C.milestones]: '清单初稿@2026-04-15；公布@2026-06-15',
    ...over,
  });

  it("numbers rows without a code by the measure's counter, around codes typed further down, and a create goes on from there", async () => {
    const plan = await buildPlan(t);
    const rows = [
      good({ [C.measureCode]: 'M07' }),
      good({ [C.measureCode]: 'M07', [C.code]: 'M07-02', [C.title]: '手填编号' }),
      good({ [C.measureCode]: 'M07', [C.title]: '第三项' }),
    ];
    expect((await importPlan(plan.id, await workbook(rows))).json()).toMatchObject({ committed: true, created: 3, errors: [] });
    const tasks = (await office.request({ method: 'GET', url: `/api/tasks?planId=${plan.id}&sort=code` })).json().items as {
      code: string;
      title: string;
      measureId: string;
    }[];
    expect(tasks.map((x) => [x.code, x.title])).toEqual([
      ['M07-01', '梳理限时办结事项清单'],
      ['M07-02', '手填编号'],
      ['M07-03', '第三项'],
    ]);
    const created = await office.request({
      method: 'POST',
      url: '/api/tasks',
      payload: {
        measureId: tasks[0]!.measureId,
        title: '控制台新建',
        leadDepartmentId: dept.id,
        startDate: '2026-03-02',
        dueDate: '2026-06-30',
      },
    });
    expect(created.json().code).toBe('M07-04');
  });

  it('imports a whole plan, and nothing at all when any row is bad (row-by-row report)', async () => {
    const plan = await buildPlan(t);
    const bad = await workbook([
      good({ [C.code]: 'M05-01' }),
      good({ [C.code]: 'M05-01', [C.title]: '重复编号' }),
      good({ [C.code]: 'M05-03', [C.dueDate]: '2026-02-30' }),
      good({ [C.code]: 'M05-04', [C.leadDepartment]: '不存在的局' }),
      good({ [C.code]: 'M05-05', [C.post]: '不存在的岗位' }),
      good({ [C.code]: 'M05-06', [C.milestones]: '验收@2026-07-15' }),
      good({ [C.code]: 'M05-07', [C.startDate]: '2026-07-01' }),
    ]);
    const report = (await importPlan(plan.id, bad)).json();
    expect(report).toMatchObject({ committed: false, total: 7, created: 0 });
    expect(report.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, C.code],
      [4, C.dueDate],
      [5, C.leadDepartment],
      [6, C.post],
      [7, C.milestones],
      [8, C.dueDate],
    ]);
    expect(report.errors[2].message).toBe('找不到部门“不存在的局”');
    const rollup = (await office.request({ method: 'GET', url: `/api/plans/${plan.id}/rollup` })).json();
    expect(rollup).toMatchObject({ taskCount: 0, programmes: [] });

    const rows = [
      good({ [C.code]: 'M05-01' }),
      good({
        [C.code]: 'M05-01-1',
        [C.parentCode]: 'M05-01',
        [C.title]: '编制办事指南',
        [C.tagged]: '',
        [C.milestones]: '',
        [C.cooperating]: '',
      }),
      good({
        [C.measureCode]: 'M06',
        [C.measureName]: '推行亮牌上岗制',
        [C.title]: '统一制作工作牌',
        [C.dueDate]: '2026-04-30',
        [C.milestones]: '',
      }),
      { [C.programmeCode]: 'P2', [C.programmeName]: '文化涵养工程', [C.measureCode]: 'M19', [C.measureName]: '以案为镜警示教育' },
    ];
    const dry = (await importPlan(plan.id, await workbook(rows), true)).json();
    expect(dry).toMatchObject({ dryRun: true, committed: false, created: 3, errors: [] });
    expect((await office.request({ method: 'GET', url: `/api/tasks?planId=${plan.id}` })).json().total).toBe(0);
    const done = (await importPlan(plan.id, await workbook(rows))).json();
    expect(done).toMatchObject({ committed: true, created: 3, errors: [] });
    const tasks = (await office.request({ method: 'GET', url: `/api/tasks?planId=${plan.id}&sort=code` })).json().items;
    expect(tasks.map((x: { code: string }) => x.code)).toEqual(['M05-01', 'M05-01-1', 'M06-01']);
    expect(tasks[0]).toMatchObject({
      status: 'draft',
      weight: 2,
      tagged: true,
      leaderName: leader.name,
      responsiblePostName: post.name,
      cooperatingDepartmentIds: [coop.id],
    });
    const first = (await office.request({ method: 'GET', url: `/api/tasks/${tasks[0].id}` })).json();
    expect(first.milestones).toMatchObject([{ name: '清单初稿' }, { name: '公布' }]);
    expect(tasks[1].parentId).toBe(tasks[0].id);
    const plan2 = (await office.request({ method: 'GET', url: `/api/plans/${plan.id}/rollup` })).json();
    expect(plan2.programmes.map((p: { code: string; measures: { code: string }[] }) => [p.code, p.measures.map((m) => m.code)])).toEqual([
      ['P1', ['M05', 'M06']],
      ['P2', ['M19']],
    ]);
    // importing the same codes again is refused row by row
    const again = (await importPlan(plan.id, await workbook(rows.slice(0, 1)))).json();
    expect(again.errors[0]).toMatchObject({ row: 2, field: C.code, message: '编号“M05-01”已存在' });
  });

  /** 导入预览: a dry run lists every row it read, so the console can show each with its errors or "ok". */
  it('lists every row read on a dry run and on a refusal, none once written', async () => {
    const plan = await buildPlan(t);
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
    const dry = (await importPlan(plan.id, good, true)).json();
    expect(dry).toMatchObject({ dryRun: true, committed: false, total: 2, errors: [] });
    expect(dry.planRows).toEqual([
      { row: 2, programme: 'P1', measure: 'M01', code: 'M01-01', title: '第一项' },
      { row: 3, programme: 'P1', measure: 'M01', code: '', title: '第二项' },
    ]);

    const bad = (await importPlan(plan.id, await workbook([row('好的'), row('坏的', { [C.dueDate]: '2026-02-30' })]))).json();
    expect(bad).toMatchObject({ committed: false, errors: [{ row: 3, field: C.dueDate }] });
    expect(bad.planRows.map((r: { row: number }) => r.row)).toEqual([2, 3]);

    const written = (await importPlan(plan.id, good)).json();
    expect(written).toMatchObject({ committed: true, created: 2 });
    expect(written.planRows).toBeUndefined();
  });

  it('exports the plan so that it imports again into another plan unchanged', async () => {
    const source = await buildPlan(t);
    const p = await buildProgramme(t, { planId: source.id, code: 'P3', name: '服务创优工程' });
    const m = await buildMeasure(t, { programmeId: p.id, code: 'M07', name: '推行首问负责制' });
    await buildMeasure(t, { programmeId: p.id, code: 'M08', name: '推行AB岗制' }); // a measure without tasks keeps its row
    const parent = await buildTask(t, {
      measureId: m.id,
      code: 'M07-01',
      leadDepartmentId: dept.id,
      responsiblePostId: post.id,
      tagged: true,
      milestones: [{ name: '制度印发', dueDate: '2026-04-01' }],
    });
    await buildTask(t, {
      measureId: m.id,
      code: 'M07-01-1',
      parentId: parent.id,
      leadDepartmentId: dept.id,
      responsiblePostId: post.id,
      cooperatingDepartmentIds: [coop.id],
    });
    const res = await office.request({ method: 'GET', url: `/api/plans/${source.id}/export.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const rows = await firstSheetRows(res.rawPayload);
    expect(rows.map((r) => [r[C.measureCode], r[C.code], r[C.parentCode]])).toEqual([
      ['M08', '', ''],
      ['M07', 'M07-01', ''],
      ['M07', 'M07-01-1', 'M07-01'],
    ]);
    expect(rows[1]).toMatchObject({
      [C.leadDepartment]: dept.name,
      [C.post]: post.name,
      [C.tagged]: '是',
      [C.milestones]: '制度印发@2026-04-01',
      状态: '草稿',
    });

    const target = await buildPlan(t);
    const report = (await importPlan(target.id, res.rawPayload)).json();
    expect(report).toMatchObject({ committed: true, created: 2, errors: [] });
    const back = await firstSheetRows((await office.request({ method: 'GET', url: `/api/plans/${target.id}/export.xlsx` })).rawPayload);
    expect(back).toEqual(rows);
  });

  it('exports any filtered task list as XLSX with the colours of today', async () => {
    const measure = await buildMeasure(t);
    await buildTask(t, { measureId: measure.id, title: '落实“第一议题”制度', leadDepartmentId: dept.id, responsiblePostId: post.id });
    await buildTask(t, { measureId: measure.id, title: '开展青年理论学习小组活动' });
    const res = await office.request({
      method: 'GET',
      url: `/api/tasks/export.xlsx?measureId=${measure.id}&q=${encodeURIComponent('第一议题')}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const rows = await firstSheetRows(res.rawPayload);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ [C.title]: '落实“第一议题”制度', [C.leadDepartment]: dept.name, 状态: '草稿' });
  });

  it('refuses an import without the required columns, a file that is not XLSX, and anyone but the office', async () => {
    const plan = await buildPlan(t);
    const reader = (await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.handle'] })).session;
    const denied = await reader.request({
      method: 'POST',
      url: `/api/plans/${plan.id}/import`,
      ...multipartFile({ filename: 'plan.xlsx', contentType: XLSX, data: await workbook([good()]) }),
    });
    expect(denied.statusCode).toBe(403);
    expect((await reader.request({ method: 'GET', url: `/api/plans/${plan.id}/export.xlsx` })).statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['名称']);
    const missing = await importPlan(plan.id, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('import_missing_columns');
    const notXlsx = await importPlan(plan.id, Buffer.from('hello'));
    expect(notXlsx.json().error.code).toBe('invalid_file');
  });

  it('refuses evidence over the upload limit with 413 file_too_large, storing nothing', async () => {
    const countFiles = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('files')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const dir = path.join(t.config.dataDir, 'files', 'evidence');
    const onDisk = () => (fs.existsSync(dir) ? fs.readdirSync(dir).length : 0);
    const [before, diskBefore] = [await countFiles(), onDisk()];
    const big = await office.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile({ filename: 'big.pdf', contentType: 'application/pdf', data: Buffer.alloc(300 * 1024, 1) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'file_too_large', message: '文件超过大小上限 256 KB', fields: [{ path: 'body.file' }] });
    expect(await countFiles()).toBe(before);
    expect(onDisk()).toBe(diskBefore);
    const small = await office.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile({
        filename: '会议纪要.docx',
        // bytes that are no DOCX may not claim to be one (platform/files/content-type.ts)
        contentType: 'application/octet-stream',
        data: Buffer.alloc(1024, 2),
      }),
    });
    expect(small.statusCode).toBe(201);
    expect(small.json()).toMatchObject({ name: '会议纪要.docx', size: 1024 });
    const row = await t.db.db.selectFrom('files').selectAll().where('id', '=', small.json().id).executeTakeFirstOrThrow();
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.storagePath).toBe(`evidence/${row.id}`);
    expect(fs.existsSync(path.join(dir, row.id))).toBe(true);
  });
});
