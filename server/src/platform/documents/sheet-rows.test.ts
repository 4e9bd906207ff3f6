import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { headerRow, manyRows, manyStrings, workbookOf, zipOf } from '../../../test/xlsx-bombs.ts';
import { readRows, type ReadSpec } from './sheet-rows.ts';
import { readSheet } from './xlsx.ts';
import { DEFAULT_XLSX_LIMITS, Refusal, type XlsxLimits } from './xlsx-limits.ts';

const spec: ReadSpec<'name' | 'dept'> = { columns: { name: '姓名', dept: '部门' }, required: ['name'], maxRows: 100, text: 'line' };
const NAME = { text: '<si><t>张三</t></si>' };
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Refusal);
  return e as Refusal;
};
const read = (bytes: Buffer, limits: Partial<XlsxLimits> = {}) => readRows(bytes, spec, { ...DEFAULT_XLSX_LIMITS, ...limits });

describe('reading rows within limits', () => {
  it('stops at the first data row past the limit, however many follow', async () => {
    const bytes = workbookOf({ sheet: [{ text: headerRow(['姓名']) }, ...manyRows(200_000)], strings: [NAME] });
    const started = performance.now();
    const e = await refusal(read(bytes));
    expect(e).toMatchObject({ code: 'import_too_many_rows', status: 400, params: { max: 100, count: 101 } });
    expect(performance.now() - started).toBeLessThan(1000); // reading them all would take seconds
  });

  it('refuses a file whose parts claim to unpack past the limit before inflating anything', async () => {
    const bytes = workbookOf({ sheet: [{ text: headerRow(['姓名']) }], strings: [manyStrings(3 * 1024 ** 3)] });
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    expect(await refusal(read(bytes))).toMatchObject({ code: 'import_too_large', status: 413, params: { limit: '100 MB' } });
  });

  it('refuses a part that inflates past what the directory declared, at that byte', async () => {
    const bytes = workbookOf({
      sheet: [{ text: headerRow(['姓名']) }],
      strings: [manyStrings(3 * 1024 ** 3)],
      declared: { strings: 1000 },
    });
    expect(await refusal(read(bytes))).toMatchObject({ code: 'invalid_file', status: 400, detail: 'zip_sizes_lie' });
  });

  it('refuses shared strings past their own limit, too many sheets, cells or columns', async () => {
    const strings = workbookOf({ sheet: [{ text: headerRow(['姓名']) }], strings: [manyStrings(2 * 1024 * 1024)] });
    expect(await refusal(read(strings, { sharedStringsBytes: 1024 * 1024 }))).toMatchObject({
      code: 'import_strings_too_large',
      status: 413,
    });
    const sheets = workbookOf({ sheet: [{ text: headerRow(['姓名']) }], sheets: 65 });
    expect(await refusal(read(sheets))).toMatchObject({ code: 'import_too_many_sheets', params: { max: 64 } });
    const cells = workbookOf({ sheet: [{ text: headerRow(['姓名']) }, { text: '<row><c/><c/><c/></row>', times: 50 }] });
    expect(await refusal(read(cells, { cells: 100 }))).toMatchObject({ code: 'import_too_many_cells', params: { max: 100 } });
    const wide = workbookOf({ sheet: [{ text: headerRow(['姓名']) }, { text: '<row r="2"><c r="XFE2" t="s"><v>0</v></c></row>' }] });
    expect(await refusal(read(wide))).toMatchObject({ code: 'import_too_many_columns', params: { max: 16_384 } });
  });

  it('refuses an archive of too many parts, and one that is cut short', async () => {
    const parts = zipOf(Array.from({ length: 20 }, (_, i) => ({ name: `p${i}.xml`, content: [{ text: '<a/>' }] })));
    expect(await refusal(read(parts, { entries: 10 }))).toMatchObject({ code: 'invalid_file', detail: 'zip_too_many_parts' });
    const whole = workbookOf({ sheet: [{ text: headerRow(['姓名']) }] });
    expect(await refusal(read(whole.subarray(0, whole.length - 30)))).toMatchObject({ detail: 'file_not_xlsx' });
  });
});

describe('reading rows as Excel shows them', () => {
  it('reads prefixed elements, inline and rich text, escapes, numbers, dates in a date format, and merged cells', async () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const sheet =
      '<x:worksheet xmlns:x="main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名*</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>纪委&amp;监委_x000D_</x:t></x:is></x:c></x:row>' +
      '<x:row r="3"><x:c r="A3"><x:v>13800000000</x:v></x:c></x:row>' +
      '<x:row r="5"><x:c r="A5" s="1"><x:v>46083</x:v></x:c><x:c r="B5" s="2"><x:v>46084.5</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells><x:mergeCell ref="B2:B3"/></x:mergeCells></x:worksheet>';
    const strings = '<sst><si><t>部门（完整路径）</t></si><si><r><t>张</t></r><r><t>三</t></r><rPh><t>ちょう</t></rPh></si></sst>';
    const bytes = zipOf([
      {
        name: 'xl/workbook.xml',
        content: [{ text: '<workbook><sheets><sheet name="说明" r:id="rId2"/><sheet name="人员" r:id="rId1"/></sheets></workbook>' }],
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        content: [
          {
            text: '<Relationships><Relationship Id="rId1" Target="worksheets/a.xml"/><Relationship Id="rId2" Target="/xl/b.xml"/></Relationships>',
          },
        ],
      },
      { name: 'xl/worksheets/a.xml', content: [{ text: sheet }] },
      { name: 'xl/sharedStrings.xml', content: [{ text: strings }] },
      { name: 'xl/styles.xml', content: [{ text: styles }] },
    ]);
    expect(await read(bytes)).toEqual([
      { row: 2, name: '张三', dept: '纪委&监委' },
      { row: 3, name: '13800000000', dept: '纪委&监委' },
      { row: 5, name: '2026-03-02', dept: '2026-03-03' },
    ]);
  });

  it('reads what ExcelJS writes, through the worker as well as in process', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['部门', '姓名']);
    for (let i = 0; i < 300; i += 1) ws.addRow([`部门${i}`, `人员${i}`]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const progress: number[] = [];
    const opts = { ...spec, maxRows: 1000, lang: 'zh-CN' as const, onProgress: (n: number) => progress.push(n) };
    const inWorker = await readSheet(bytes, { ...opts, limits: { ...DEFAULT_XLSX_LIMITS, inProcessBytes: 0 } });
    expect(inWorker).toHaveLength(300);
    expect(inWorker[299]).toEqual({ row: 301, name: '人员299', dept: '部门299' });
    expect(progress).toContain(250);
    expect(await readSheet(bytes, opts)).toEqual(inWorker);
  });

  it('turns a worker that runs out of its heap into a 413, and the server goes on', async () => {
    const limits = { ...DEFAULT_XLSX_LIMITS, workerMemoryMb: 16, inProcessBytes: 0 };
    const heavy = workbookOf({ sheet: [{ text: headerRow(['姓名']) }], strings: [manyStrings(40 * 1024 * 1024)] });
    const e = await readSheet(heavy, { ...spec, lang: 'en-US', limits }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code: 'import_too_complex', status: 413 });
    // the same heap is enough for an ordinary file: it was the file, not the worker
    const light = workbookOf({ sheet: [{ text: headerRow(['姓名']) }, { text: '<row><c t="s"><v>0</v></c></row>' }], strings: [NAME] });
    expect(await readSheet(light, { ...spec, lang: 'en-US', limits })).toEqual([{ row: 2, name: '张三', dept: '' }]);
  });
});
