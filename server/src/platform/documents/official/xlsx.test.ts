import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { OfficialDocument, TableBlock } from './model.ts';
import { SAMPLE_BULLETIN } from './official.test-support.ts';
import { renderOfficialXlsx, sheetNames } from './xlsx.ts';

const table = (caption: string, rows: TableBlock['rows'] = []): TableBlock => ({ kind: 'table', caption, columns: ['部门', '得分'], rows });

describe('the tables of an official document as XLSX', () => {
  it('gives each table a sheet named by its caption, zh-CN headers and the figures as numbers', async () => {
    const doc: OfficialDocument = {
      ...SAMPLE_BULLETIN,
      body: [
        ...SAMPLE_BULLETIN.body,
        { kind: 'paragraph', text: '附表如下。' },
        table('表2  逾期事项', [
          ['经济发展局', 3],
          ['财政金融局', null],
        ]),
      ],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderOfficialXlsx(doc))! as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['表1 各部门任务办理情况排名', '表2 逾期事项']);
    const ranking = wb.getWorksheet('表1 各部门任务办理情况排名')!;
    expect(ranking.getRow(1).values).toEqual([undefined, '排名', '部门', '按期办结率', '办结率', '红色预警', '退回销号']);
    expect(ranking.rowCount).toBe(5);
    expect(ranking.getRow(5).values).toEqual([undefined, 4, '自然资源和规划建设局', '88.1%', '90.0%', 5, 3]);
    expect(typeof ranking.getCell('E3').value).toBe('number');
    const overdue = wb.getWorksheet('表2 逾期事项')!;
    expect(overdue.getCell('B2').value).toBe(3);
    expect(overdue.getCell('B3').value).toBeNull();
  });

  it('offers no workbook for a document without tables', async () => {
    expect(await renderOfficialXlsx({ ...SAMPLE_BULLETIN, body: [{ kind: 'paragraph', text: '无表。' }] })).toBeNull();
  });

  it('makes captions into names Excel accepts, unique and at most 31 characters', () => {
    const long = '表3 '.padEnd(40, '长');
    expect(sheetNames([table('汇总：一/二[三]?'), table('汇总：一/二[三]?'), table(long), table(long), table('  ')])).toEqual([
      '汇总：一 二 三', // a full-width colon is no Excel separator
      '汇总：一 二 三（2）',
      long.slice(0, 31),
      `${long.slice(0, 28)}（2）`,
      '表5',
    ]);
  });
});
