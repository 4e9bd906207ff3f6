import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchSheet } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { zipParts } from '../../platform/documents/official/official.test-support.ts';
import { dispatchSheetDocument } from './dispatch.document.ts';
import { dispatchWorld, officeOf, sheetFrom, userIn, WEEK, type DispatchWorld } from './dispatch.test-support.ts';

/** The text of a DOCX body, runs joined (a sentence may be split over several runs). */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/**
 * 调度单 as an official document: the model (meeting, items by leader, decisions with their tasks) and
 * its DOCX and XLSX through the real app, to whoever may read the sheet and to nobody else.
 */
describe.each(ENGINES)('the dispatch sheet as DOCX and XLSX on %s', (engine) => {
  let t: TestApp;
  let w: DispatchWorld;
  let office: Session;
  let sheet: DispatchSheet;

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await dispatchWorld(t);
    office = await officeOf(t);
    const drafted = await sheetFrom(
      office,
      { method: 'POST', url: '/api/dispatch/sheets', payload: { planId: w.plan.id, week: WEEK } },
      201,
    );
    const url = `/api/dispatch/sheets/${drafted.id}`;
    const held = await sheetFrom(office, {
      method: 'PUT',
      url: `${url}/meeting`,
      payload: {
        version: drafted.version,
        date: '2026-03-02',
        time: '15:00',
        place: '管委会三楼会议室',
        chairPersonId: w.zhang.id,
        attendees: [
          { personId: w.zhang.id, present: true },
          { personId: w.li.id, present: false, absenceReason: '外出招商' },
        ],
      },
    });
    const red = held.groups.flatMap((g) => g.items).find((i) => i.taskId === w.red.id && i.source === 'task')!;
    const decided = await sheetFrom(
      office,
      {
        method: 'POST',
        url: `${url}/decisions`,
        payload: {
          version: held.version,
          text: '城管局3月20日前完成背街小巷整治',
          itemId: red.id,
          ownerDepartmentId: w.city.id,
          dueDate: '2026-03-20',
        },
      },
      201,
    );
    sheet = await sheetFrom(
      office,
      { method: 'POST', url: `${url}/decisions/${decided.decisions[0]!.id}/task`, payload: { version: decided.version } },
      201,
    );
  });
  afterAll(() => t.close());

  it('models the sheet: signed by the organiser on the meeting day, meeting, items by leader, decisions with tasks', () => {
    const doc = dispatchSheetDocument(sheet);
    expect(doc).toMatchObject({ organ: sheet.departmentName, title: sheet.title, date: '2026-03-02' });
    expect(doc.number).toBeUndefined();
    expect(doc.body.filter((b) => b.kind === 'heading1').map((b) => b.text)).toEqual(['调度会议', '调度事项', '议定事项']);
    const texts = doc.body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts).toContain('时间：2026年3月2日 15:00。地点：管委会三楼会议室。主持：张副主任。');
    expect(texts).toContain('缺席：李副主任（外出招商）。');
    expect(texts).toContain(
      '本周调度事项共 4 项：红灯任务 1 项、黄灯任务 1 项、领导批示未反馈 2 项。按分管领导：李副主任 1 项、张副主任 3 项。',
    );
    // a table per leader in charge, with the office's note beside the item, and the decisions' table
    const tables = doc.body.flatMap((b) => (b.kind === 'table' ? [b] : []));
    expect(tables.map((b) => b.caption)).toEqual(['李副主任分管事项', '张副主任分管事项', '议定事项及督办任务']);
    expect(tables[0]!.rows).toEqual([[1, expect.stringContaining('占道经营集中整治'), '城管执法大队', '黄灯 0%', '3月3日']]);
    expect(tables[1]!.rows.map((r) => [r[3], r[4]])).toEqual([
      ['红灯 0%', '2月27日'],
      ['批示待反馈', '3月5日'],
      ['批示待反馈', '3月6日'],
    ]);
    const code = sheet.decisions[0]!.task!.code;
    expect(tables[2]!.rows).toEqual([[1, '城管局3月20日前完成背街小巷整治', '城市管理局', '3月20日', code]]);
    expect(texts).toContain(
      `1. 城管局3月20日前完成背街小巷整治（责任单位：城市管理局；完成时限：2026年3月20日；督办任务：${code}（草稿））`,
    );
  });

  it('downloads the DOCX in the official format and its tables as XLSX', async () => {
    const docx = await office.request({ method: 'GET', url: `/api/dispatch/sheets/${sheet.id}/document.docx` });
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml.document');
    expect(docx.headers['content-disposition']).toContain(`filename="dispatch-${WEEK}.docx"`);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent(`${sheet.title}.docx`));
    const body = textOf((await zipParts(docx.rawPayload)).get('word/document.xml')!);
    for (const text of [
      sheet.title,
      '调度会议',
      '张副主任分管事项',
      '城管局3月20日前完成背街小巷整治',
      sheet.decisions[0]!.task!.code,
      '2026年3月2日',
    ])
      expect(body).toContain(text);

    const xlsx = await office.request({ method: 'GET', url: `/api/dispatch/sheets/${sheet.id}/document.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['李副主任分管事项', '张副主任分管事项', '议定事项及督办任务']);
    expect(wb.getWorksheet('张副主任分管事项')!.rowCount).toBe(4);
    expect(wb.getWorksheet('议定事项及督办任务')!.getCell('E2').value).toBe(sheet.decisions[0]!.task!.code);
  });

  it("gives another department's user no document of a sheet out of sight (404)", async () => {
    const transport = await userIn(t, w.transport.id, ['dispatch.read'], 'dept');
    for (const kind of ['docx', 'xlsx'])
      expect((await transport.request({ method: 'GET', url: `/api/dispatch/sheets/${sheet.id}/document.${kind}` })).statusCode).toBe(404);
  });
});
