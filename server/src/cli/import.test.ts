import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { buildDepartment } from '../../test/factories.ts';
import { runCli } from '../../test/cli.ts';

async function writeSheet(file: string, rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('人员');
  sheet.addRow(['姓名', '手机', '部门', '职务', '状态', '账号']);
  for (const r of rows) sheet.addRow(r);
  await wb.xlsx.writeFile(file);
}

describe('qinlian import people', { timeout: 180_000 }, () => {
  let t: TestApp;
  let work: string;
  let deptName: string;
  const env = () => ({ QINLIAN_DATA_DIR: t.config.dataDir });
  const peopleCount = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-import-'));
    deptName = (await buildDepartment(t, { name: '导入测试办公室' })).name;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('reports every bad row, writes nothing and exits 1', async () => {
    const file = path.join(work, 'bad.xlsx');
    await writeSheet(file, [
      ['赵敏', '13800000001', deptName, '科员', '在岗', ''],
      ['', '12345', '不存在的部门', '', '休假', ''],
    ]);
    const run = await runCli(['import', 'people', file], env());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('not imported');
    expect(run.stdout).toMatch(/row 3 {2}姓名/);
    expect(run.stdout).toMatch(/row 3 {2}部门/);
    expect(run.stdout).not.toMatch(/row 2 /);
    expect(await peopleCount()).toBe(0);
  });

  it('--dry-run checks a good file without writing; the real run creates the people and accounts', async () => {
    const file = path.join(work, 'good.xlsx');
    await writeSheet(file, [
      ['赵敏', '13800000001', deptName, '科员', '在岗', 'zhaomin'],
      ['钱伟', '', deptName, '副主任', '', ''],
    ]);
    const dry = await runCli(['import', 'people', file, '--dry-run'], env());
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run');
    expect(await peopleCount()).toBe(0);

    const real = await runCli(['import', 'people', file], env());
    expect(real.stderr).toBe('');
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/2 新建 \/ created/);
    expect(real.stdout).toMatch(/zhaomin {2}\S+/);
    expect(await peopleCount()).toBe(2);
    const audit = await t.db.db.selectFrom('auditEvents').select('action').where('action', '=', 'people.import').execute();
    expect(audit).toHaveLength(1);
  });

  it('names a missing file', async () => {
    const run = await runCli(['import', 'people', path.join(work, 'nope.xlsx')], env());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no such file');
  });
});
