import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { readSheet, writeSheet, writeWorkbook, type Column } from './xlsx.ts';

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}
/** A workbook as a person might type it: sheets of raw cell values, no styling. */
async function typed(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
};

const COLUMNS: Column[] = [
  { header: '姓名', width: 12 },
  { header: '手机', width: 16, text: true },
  { header: '状态', width: 8, choices: ['在岗', '外出'] },
  { header: '预警', width: 6, fill: (v) => (v === '红' ? 'FFF8D7DA' : undefined) },
];

describe('writing a table', () => {
  it('gives the header the house style, frozen and filterable', async () => {
    const wb = await load(await writeSheet({ name: '名单', columns: COLUMNS, rows: [['张三', '013800000000', '在岗', '红']] }));
    expect(wb.creator).toBe('勤廉 Qinlian');
    const ws = wb.getWorksheet('名单')!;
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '手机', '状态', '预警']);
    expect(ws.getColumn(1).width).toBe(12);
    const head = ws.getCell(1, 1);
    expect(head.font).toMatchObject({ bold: true, name: '黑体' });
    expect(head.fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(head.border?.bottom).toMatchObject({ style: 'thin' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it('formats data cells by their column: text, drop-down, colour by value', async () => {
    const rows = [
      ['张三', '013800000000', '在岗', '红'],
      ['李四', '', '外出', ''],
    ];
    const ws = (await load(await writeSheet({ name: '名单', columns: COLUMNS, rows }))).worksheets[0]!;
    expect(ws.getCell(2, 2).value).toBe('013800000000');
    expect(ws.getCell(2, 2).numFmt).toBe('@');
    expect(ws.getCell(3, 3).dataValidation).toMatchObject({ type: 'list', formulae: ['"在岗,外出"'] });
    expect(ws.getCell(2, 4).fill).toMatchObject({ fgColor: { argb: 'FFF8D7DA' } });
    expect(ws.getCell(3, 4).fill).toBeUndefined();
    expect(ws.getCell(2, 1).numFmt).toBeUndefined();
  });

  it('formats the blank rows of a template like data, and writes notes beside it', async () => {
    const bytes = await writeWorkbook([
      { name: '人员', columns: COLUMNS, rows: [], blankRows: 3 },
      {
        name: '说明',
        widths: [14, 90],
        notes: [
          ['列', '填写说明'],
          ['姓名', '必填'],
        ],
      },
    ]);
    const wb = await load(bytes);
    const ws = wb.getWorksheet('人员')!;
    expect(ws.getCell(4, 2).numFmt).toBe('@');
    expect(ws.getCell(4, 3).dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell(5, 2).numFmt).toBeUndefined();
    const notes = wb.getWorksheet('说明')!;
    expect(notes.getCell(2, 2).value).toBe('必填');
    expect(notes.getColumn(2).width).toBe(90);
    expect(notes.getRow(1).font).toMatchObject({ bold: true });
  });
});

describe('reading a table', () => {
  const columns = { name: '姓名', department: '部门', note: '备注' };
  const read = (bytes: Buffer, text: 'line' | 'prose' = 'line', maxRows = 10) =>
    readSheet(bytes, { lang: 'zh-CN', columns, required: ['name', 'department'], maxRows, text });

  it('reads the first sheet that is not 说明 by header name, with sheet row numbers, blank rows skipped', async () => {
    const bytes = await typed({
      说明: [['列', '说明']],
      人员: [['部门（完整路径）', '姓名*'], ['纪委', '张三'], [], ['', ''], [' 审计局 ', '李四']],
    });
    expect(await read(bytes)).toEqual([
      { row: 2, name: '张三', department: '纪委', note: '' },
      { row: 5, name: '李四', department: '审计局', note: '' },
    ]);
  });

  it('reads one line (line breaks and tabs become a space), or prose with its line breaks and dates as YYYY-MM-DD', async () => {
    const bytes = await typed({
      表: [
        ['姓名', '部门', '备注'],
        ['张\n三', 'a\tb', new Date('2026-03-02T00:00:00Z')],
      ],
    });
    expect((await read(bytes, 'line'))[0]).toMatchObject({ name: '张 三', department: 'a b' });
    expect((await read(bytes, 'prose'))[0]).toMatchObject({ name: '张\n三', department: 'a\tb', note: '2026-03-02' });
  });

  it('refuses a file that is no workbook, in the caller’s language', async () => {
    const zh = await failure(read(Buffer.from('姓名,部门\n')));
    expect(zh).toMatchObject({ code: 'invalid_file', status: 400, params: { reason: '不是有效的 Excel（.xlsx）文件' } });
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    const en = await failure(readSheet(broken, { lang: 'en-US', columns, required: [], maxRows: 1, text: 'line' }));
    expect(en).toMatchObject({ code: 'invalid_file', params: { reason: 'not a valid Excel (.xlsx) workbook' } });
  });

  it('names the missing required columns', async () => {
    const e = await failure(read(await typed({ 表: [['备注'], ['x']] })));
    expect(e).toMatchObject({ code: 'import_missing_columns', status: 400, params: { columns: '姓名、部门' } });
  });

  it('refuses more rows than allowed, counting only rows with text', async () => {
    const rows = [['姓名', '部门'], ['a', 'x'], ['b', 'x'], [], ['c', 'x']];
    expect(await read(await typed({ 表: rows }), 'line', 3)).toHaveLength(3);
    const e = await failure(read(await typed({ 表: rows }), 'line', 2));
    expect(e).toMatchObject({ code: 'import_too_many_rows', params: { max: 2, count: 3 } });
  });

  it('reads back what it wrote', async () => {
    const bytes = await writeSheet({ name: '名单', columns: COLUMNS, rows: [['张三', '013800000000', '在岗', '红']] });
    const rows = await readSheet(bytes, {
      lang: 'zh-CN',
      columns: { name: '姓名', phone: '手机', warning: '预警' },
      required: ['phone'],
      maxRows: 1,
      text: 'line',
    });
    expect(rows).toEqual([{ row: 2, name: '张三', phone: '013800000000', warning: '红' }]);
  });
});
