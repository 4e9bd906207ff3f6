import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, Person } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser, rootDepartment, setWhereaboutsOf } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['姓名', '手机', '部门', '职务', '状态', '账号'];
type Cell = string | number | null;

async function workbook(rows: Cell[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function readBack(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}
const sheetRows = (ws: ExcelJS.Worksheet) => {
  const out: string[][] = [];
  ws.eachRow((row) => {
    out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return out;
};
const importFile = (s: Session, data: Buffer, query: Record<string, string> = {}, headers: Record<string, string> = {}) => {
  const form = multipartFile({ filename: 'people.xlsx', contentType: XLSX, data });
  return s.request({ method: 'POST', url: '/api/people/import', query, payload: form.payload, headers: { ...form.headers, ...headers } });
};
const countRows = async (t: TestApp, table: 'people' | 'users') =>
  Number(
    (
      await t.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const auditCount = async (t: TestApp, action: string) =>
  Number(
    (
      await t.db.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(ENGINES)('people XLSX import and export on %s', (engine) => {
  let t: TestApp;
  let rootName: string;
  let bureau: { id: string }, section: { id: string }, other: { id: string };

  beforeAll(async () => {
    t = await startTestApp(engine);
    rootName = (await rootDepartment(t)).name;
    bureau = await buildDepartment(t, { name: '招商引资局' });
    section = await buildDepartment(t, { name: '综合科', parentId: bureau.id });
    other = await buildDepartment(t, { name: '社会事务局' });
    await buildDepartment(t, { name: '综合科', parentId: other.id }); // a second 综合科: the bare name is ambiguous
  });
  afterAll(async () => {
    await t.close();
  });

  it('offers a template with a 人员 sheet and a 说明 sheet naming the department format', async () => {
    const res = await t.admin.request({ method: 'GET', url: '/api/people/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`);
    const wb = await readBack(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['人员', '说明']);
    expect(sheetRows(wb.getWorksheet('人员')!)[0]).toEqual(HEADERS);
    const help = sheetRows(wb.getWorksheet('说明')!)
      .map((r) => r.join(' '))
      .join('\n');
    expect(help).toContain('完整路径');
    expect(help).toContain(`${rootName}/招商引资局/综合科`);
  });

  it('imports a good file: every row, accounts, one audit record per person and a summary', async () => {
    const [people, users, creates, imports] = [
      await countRows(t, 'people'),
      await countRows(t, 'users'),
      await auditCount(t, 'person.create'),
      await auditCount(t, 'people.import'),
    ];
    const file = await workbook([
      ['刘洋', 13911112222, '招商引资局', '局长', '在岗', null],
      ['黄丽', '13911113333', `${rootName}/招商引资局/综合科`, '科长', '在岗', 'huangli'],
      ['吴强', null, '招商引资局/综合科', '科员', 'left', null],
      [null, null, null, null, null, null], // blank rows are skipped
      ['郑敏', '0791-88886666', '社会事务局', '副\n科长', null, null], // a line break typed in a cell becomes a space
    ]);
    const res = await importFile(t.admin, file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({ dryRun: false, committed: true, total: 4, created: 4, errors: [] });
    expect(report.accounts).toEqual([{ row: 3, username: 'huangli', initialPassword: expect.stringMatching(/.{8,}/) }]);
    expect([await countRows(t, 'people'), await countRows(t, 'users')]).toEqual([people + 4, users + 1]);
    expect(await auditCount(t, 'person.create')).toBe(creates + 4);
    expect(await auditCount(t, 'people.import')).toBe(imports + 1);
    const listed = (
      await t.admin.request({ method: 'GET', url: '/api/people', query: { departmentId: bureau.id, pageSize: '50' } })
    ).json() as { items: Person[] };
    const byName = new Map(listed.items.map((p) => [p.name, p]));
    expect(byName.get('刘洋')).toMatchObject({ phone: '13911112222', departmentId: bureau.id, status: 'active', title: '局长' });
    expect(byName.get('黄丽')).toMatchObject({ departmentId: section.id, status: 'active', username: 'huangli' });
    expect(byName.get('吴强')).toMatchObject({ departmentId: section.id, status: 'left', phone: null });
    const zheng = await t.db.db.selectFrom('people').select('title').where('name', '=', '郑敏').executeTakeFirstOrThrow();
    expect(zheng.title).toBe('副 科长');
  });

  it('writes nothing when two rows are bad, and reports exactly those rows and fields', async () => {
    const before = await countRows(t, 'people');
    const file = await workbook([
      ['好人一', '13922220001', '招商引资局', null, null, null],
      ['坏号码', '1392222', '招商引资局', null, null, null],
      ['好人二', '13922220003', '招商引资局', null, null, null],
      ['坏部门', '13922220004', '不存在局', null, null, null],
      ['好人三', '13922220005', '社会事务局', null, null, null],
    ]);
    const report = (await importFile(t.admin, file)).json() as ImportReport;
    expect(report).toMatchObject({ committed: false, dryRun: false, total: 5, created: 0 });
    expect(report.errors.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 3, field: '手机' },
      { row: 5, field: '部门' },
    ]);
    expect(report.errors[1]!.message).toContain('不存在局');
    expect(await countRows(t, 'people')).toBe(before);
    const en = (await importFile(t.admin, file, {}, { 'accept-language': 'en-US,en;q=0.9' })).json() as ImportReport;
    expect(en.errors[1]!.message).toBe('no department "不存在局"');
  });

  it('checks every rule on every row at once', async () => {
    const taken = await buildPerson(t, { departmentId: other.id });
    const archived = await buildDepartment(t, { name: '已撤销局' });
    await t.admin.request({ method: 'POST', url: `/api/departments/${archived.id}/archive` });
    const before = await countRows(t, 'people');
    const file = await workbook([
      [null, '13933330001', '招商引资局', null, null, null], // 2 name missing
      ['甲', '13933330002', '招商引资局', null, null, null], // 3 ok
      ['乙', '13933330002', '招商引资局', null, null, null], // 4 phone repeats row 3
      ['丙', taken.phone, '招商引资局', null, null, null], // 5 phone registered already
      ['丁', null, '综合科', null, null, null], // 6 ambiguous department
      ['戊', null, '已撤销局', null, null, null], // 7 archived department
      ['己', null, null, null, '外出', null], // 8 department missing, bad status (外出 is the whereabouts board's)
      ['庚', null, '招商引资局', 'x'.repeat(101), null, 'admin'], // 9 title too long, username taken
      ['辛', null, '招商引资局', null, null, 'bad name'], // 10 bad username
      ['壬', null, '招商引资局', null, null, 'newuser'], // 11 ok
      ['癸', null, '招商引资局', null, null, 'newuser'], // 12 username repeats row 11
    ]);
    const report = (await importFile(t.admin, file)).json() as ImportReport;
    expect(report.committed).toBe(false);
    expect(report.errors.map(({ row, field }) => `${row}:${field}`)).toEqual([
      '2:姓名',
      '4:手机',
      '5:手机',
      '6:部门',
      '7:部门',
      '8:部门',
      '8:状态',
      '9:职务',
      '9:账号',
      '10:账号',
      '12:账号',
    ]);
    const msg = (row: number, field: string) => report.errors.find((e) => e.row === row && e.field === field)!.message;
    expect(msg(4, '手机')).toContain('3');
    expect(msg(6, '部门')).toContain(`${rootName}/`);
    expect(msg(12, '账号')).toContain('11');
    expect(msg(8, '状态')).toContain('去向牌');
    expect(await countRows(t, 'people')).toBe(before);
  });

  it('refuses departments out of scope and accounts without users.manage', async () => {
    const viewer = await buildPerson(t, { departmentId: other.id });
    const { session } = await buildSignedInUser(t, {
      permissions: ['people.read', 'people.manage'],
      dataScope: 'dept',
      personId: viewer.id,
    });
    const file = await workbook([
      ['越界', null, '招商引资局', null, null, null],
      ['本部门', null, '社会事务局', null, null, 'myacct'],
      ['本部门二', null, '社会事务局', null, null, null],
    ]);
    const report = (await importFile(session, file)).json() as ImportReport;
    expect(report.errors.map(({ row, field }) => `${row}:${field}`)).toEqual(['2:部门', '3:账号']);
    expect(report.errors[0]!.message).toContain('无权');
  });

  it('dry run validates and writes nothing', async () => {
    const before = await countRows(t, 'people');
    const file = await workbook([['试导入', '13944440001', '招商引资局', null, null, null]]);
    const report = (await importFile(t.admin, file, { dryRun: 'true' })).json() as ImportReport;
    expect(report).toMatchObject({ dryRun: true, committed: false, total: 1, created: 0, errors: [] });
    expect(await countRows(t, 'people')).toBe(before);
  });

  it('refuses corrupt, non-XLSX, column-less and oversized files with 400', async () => {
    const good = await workbook([['x', null, '招商引资局', null, null, null]]);
    for (const data of [
      Buffer.from('姓名,手机\n张三,138'),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
      good.subarray(0, good.length >> 1),
    ]) {
      const res = await importFile(t.admin, data);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_file');
    }
    const noColumns = await importFile(t.admin, await workbook([['a', 'b']], ['名字', '电话']));
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().error).toMatchObject({ code: 'import_missing_columns' });
    expect(noColumns.json().error.message).toContain('姓名');
    const many = await importFile(
      t.admin,
      await workbook(Array.from({ length: 5001 }, (_, i) => [`人${i}`, null, '招商引资局', null, null, null])),
    );
    expect(many.statusCode).toBe(400);
    expect(many.json().error.code).toBe('import_too_many_rows');
    expect(many.json().error.message).toContain('5000');
    const empty = await t.admin.request({
      method: 'POST',
      url: '/api/people/import',
      ...multipartFile({ field: 'other', filename: 'a.xlsx', contentType: XLSX, data: good }),
    });
    expect(empty.statusCode).toBe(400);
  });

  it('exports the filtered, scoped list as a real XLSX', async () => {
    const dept = await buildDepartment(t, { name: '导出测试局' });
    const sub = await buildDepartment(t, { name: '导出测试科', parentId: dept.id });
    const post = await buildPost(t, { departmentId: sub.id, name: '信息报送岗' });
    const lead = await buildPerson(t, { name: '导出甲', departmentId: dept.id, phone: '13955556666', title: '局长' });
    await setWhereaboutsOf(t, lead.id, 'trip'); // 外出 in the export: the board's
    const res = await t.admin.request({ method: 'GET', url: '/api/people/export.xlsx', query: { departmentId: dept.id } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="people-\d{4}-\d\d-\d\d\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toMatch(/^人员名单-.*\.xlsx$/);
    const ws = (await readBack(res.rawPayload)).worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const rows = sheetRows(ws);
    expect(rows[0]).toEqual(['姓名', '手机', '部门', '职务', '状态', 'AB岗']);
    expect(rows).toHaveLength(4);
    expect(rows).toContainEqual(['导出甲', '13955556666', `${rootName}/导出测试局`, '局长', '外出', '']);
    const aName = (await t.db.db.selectFrom('people').select('name').where('id', '=', post.aPersonId!).executeTakeFirstOrThrow()).name;
    expect(rows.find((r) => r[0] === aName)![5]).toBe('信息报送岗（A）');
    expect(rows.find((r) => r[0] === aName)![2]).toBe(`${rootName}/导出测试局/导出测试科`);

    const viewerPerson = await buildPerson(t, { departmentId: dept.id });
    const reader = (await buildSignedInUser(t, { permissions: ['people.read'], dataScope: 'dept', personId: viewerPerson.id })).session;
    const scoped = sheetRows(
      (await readBack((await reader.request({ method: 'GET', url: '/api/people/export.xlsx' })).rawPayload)).worksheets[0]!,
    );
    expect(
      scoped
        .slice(1)
        .map((r) => r[2])
        .every((d) => d === `${rootName}/导出测试局`),
    ).toBe(true);
    expect(scoped.find((r) => r[0] === lead.name)![1]).toBe('139****6666');
    expect(scoped).toHaveLength(3);
  });
});
