import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob, ImportReport } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPlan, buildSignedInUser } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';

/** Rows under their header, as a person would fill in an import template. */
async function workbook(header: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('导入');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const post = (s: Session, url: string, data: Buffer) => {
  const form = multipartFile({ filename: 'import.xlsx', contentType: 'application/octet-stream', data });
  return s.request({ method: 'POST', url, payload: form.payload, headers: form.headers });
};

/** Ask for the job until it is done or failed; every answer seen, in order. */
async function follow(s: Session, id: string): Promise<ImportJob[]> {
  const seen: ImportJob[] = [];
  for (let i = 0; i < 600; i += 1) {
    const res = await s.request({ method: 'GET', url: `/api/imports/${id}` });
    expect(res.statusCode).toBe(200);
    const job = res.json() as ImportJob;
    seen.push(job);
    if (job.state === 'done' || job.state === 'failed') return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} never finished: ${JSON.stringify(seen.at(-1))}`);
}

describe.each(ENGINES)('imports in the background on %s', (engine) => {
  let t: TestApp;
  let dept: string;
  let people: Buffer;

  beforeAll(async () => {
    t = await startTestApp(engine);
    dept = (await buildDepartment(t, { name: '后台导入处' })).name;
    // large enough to be read by the worker (it unpacks past a few hundred KB)
    people = await workbook(
      ['姓名', '手机', '部门', '职务'],
      Array.from({ length: 1500 }, (_, i) => [`导入人员${i}`, '', dept, `职务说明文字足够长以使文件超过阈值${i}`]),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 202 with a job, which reports how far it got and ends with the report a direct import gives', async () => {
    const direct = await post(t.admin, '/api/people/import?dryRun=true', people);
    expect(direct.statusCode).toBe(200);
    const started = await post(t.admin, '/api/people/import?dryRun=true&background=true', people);
    expect(started.statusCode).toBe(202);
    const job = started.json() as ImportJob;
    expect(job).toMatchObject({ kind: 'people', state: 'reading', done: 0, total: null });

    const seen = await follow(t.admin, job.id);
    // states only move forward, and rows read only go up
    const order = seen.map((j) => ['reading', 'checking', 'writing', 'done'].indexOf(j.state));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const read = seen.filter((j) => j.state === 'reading').map((j) => j.done);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ done: 1500, total: 1500, report: direct.json() as ImportReport });
    expect((seen.at(-1)!.report as ImportReport).errors).toEqual([]);
    // handed over once: the report may carry initial passwords
    expect((await t.admin.request({ method: 'GET', url: `/api/imports/${job.id}` })).statusCode).toBe(404);
  });

  it('writes in the background too, and only its starter may follow it', async () => {
    const file = await workbook(
      ['姓名', '部门'],
      [
        ['后台甲', dept],
        ['后台乙', dept],
      ],
    );
    const job = (await post(t.admin, '/api/people/import?background=true', file)).json() as ImportJob;
    const other = (await buildSignedInUser(t, { permissions: ['people.read'] })).session;
    expect((await other.request({ method: 'GET', url: `/api/imports/${job.id}` })).statusCode).toBe(404);
    const last = (await follow(t.admin, job.id)).at(-1)!;
    expect(last).toMatchObject({ state: 'done', report: { committed: true, created: 2 } });
  });

  it('ends failed with the error a direct import answers, in the starter’s language', async () => {
    const tooMany = await workbook(
      ['姓名', '部门'],
      Array.from({ length: 5001 }, (_, i) => [`人${i}`, dept]),
    );
    const job = (await post(t.admin, '/api/people/import?dryRun=true&background=true', tooMany)).json() as ImportJob;
    const last = (await follow(t.admin, job.id)).at(-1)!;
    expect(last).toMatchObject({ state: 'failed', error: { status: 400, code: 'import_too_many_rows' } });
    expect(last.error!.message).toContain('一次最多导入 5000 行');
  });

  it('runs the plan import the same way', async () => {
    const plan = await buildPlan(t);
    const header = ['工程编号', '工程名称', '举措编号', '举措名称', '任务名称', '牵头部门', '开始日期', '截止日期'];
    const file = await workbook(header, [['P1', '工程一', 'M1', '举措一', '任务一', dept, '2026-03-01', '2026-06-30']]);
    const started = await post(t.admin, `/api/plans/${plan.id}/import?dryRun=true&background=true`, file);
    expect(started.statusCode).toBe(202);
    const last = (await follow(t.admin, (started.json() as ImportJob).id)).at(-1)!;
    expect(last).toMatchObject({ kind: 'plan', state: 'done', total: 1, report: { dryRun: true, errors: [], created: 1 } });
  });

  it('does not know a job it never started', async () => {
    expect((await t.admin.request({ method: 'GET', url: '/api/imports/0000000000000000000000' })).statusCode).toBe(404);
  });
});
