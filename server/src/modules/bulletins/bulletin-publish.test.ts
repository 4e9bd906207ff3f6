import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bulletin, BulletinPage, BulletinPreview } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildPerson, buildPlan, rootDepartment } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { inTransaction } from '../../platform/context.ts';
import { verifyAuditRecords } from '../../platform/audit/verify-records.ts';
import { zipParts } from '../../platform/documents/official/official.test-support.ts';
import { verifyHeadSignature } from '../audit/index.ts';
import { claimDocumentNumber } from '../document-numbers/index.ts';
import { AFTER_Q1, bulletinFrom, bulletinOffice, quarterWorld, userWith, type QuarterWorld } from './bulletins.test-support.ts';

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const rowsOf = (xml: string) =>
  (xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((r) => (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf));

/**
 * 送审、领导点评、发布 through the real app: the number from the plan's series (or a typed one, 409 when
 * taken), the audit chain's head signed and verifiable, the bulletin and its comments sealed and never
 * changed again, the DOCX with the title, number, first-ranked department and 记录核验 block.
 */
describe.each(ENGINES)('publishing a quarterly bulletin on %s', (engine) => {
  let t: TestApp;
  let w: QuarterWorld;
  let office: Session;
  let leader: Session;
  let reader: Session;
  let b: Bulletin;

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await quarterWorld(t); // leaves the clock on 2 April
    office = await bulletinOffice(t);
    const zhang = await buildPerson(t, { departmentId: (await rootDepartment(t)).id, name: '张明', title: '管委会主任' });
    leader = await userWith(t, ['bulletins.read', 'bulletins.comment'], zhang.id);
    reader = await userWith(t, ['bulletins.read']);
    b = await bulletinFrom(office, { method: 'POST', url: '/api/bulletins', payload: { planId: w.plan.id, year: 2026, quarter: 1 } }, 201);
  });
  afterEach(() => t.clock.set(AFTER_Q1));
  afterAll(() => t.close());

  const post = (s: Session, path: string, payload: object, lang = 'zh-CN') =>
    s.request({ method: 'POST', url: `/api/bulletins/${b.id}${path}`, payload, headers: { 'accept-language': lang } });
  const events = (action: string) =>
    t.db.db.selectFrom('auditEvents').selectAll().where('action', '=', action).where('entityId', '=', b.id).execute();

  it('refuses a quarter outside the plan (400) and sending a bulletin with nobody to rank to review (409)', async () => {
    const empty = await buildPlan(t, { name: '空计划' });
    const outside = await office.request({ method: 'POST', url: '/api/bulletins', payload: { planId: empty.id, year: 2025, quarter: 4 } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ code: 'bulletin_quarter_outside_plan', fields: [{ path: 'body.quarter' }] });
    const nothing = await bulletinFrom(
      office,
      { method: 'POST', url: '/api/bulletins', payload: { planId: empty.id, year: 2026, quarter: 1 } },
      201,
    );
    expect(nothing.ranking).toEqual([]);
    const submit = await office.request({
      method: 'POST',
      url: `/api/bulletins/${nothing.id}/submit`,
      payload: { version: nothing.version },
    });
    expect(submit.statusCode).toBe(409);
    expect(submit.json().error.code).toBe('bulletin_nothing_ranked');
  });

  it('goes to review, where leaders comment and the weights stay as they are', async () => {
    b = await bulletinFrom(office, { method: 'POST', url: `/api/bulletins/${b.id}/submit`, payload: { version: b.version } });
    expect(b.status).toBe('review');
    const reweigh = await office.request({
      method: 'PUT',
      url: `/api/bulletins/${b.id}`,
      payload: { version: b.version, title: b.title, indicators: [{ key: 'red_count', weight: 100, direction: 'lower' }] },
    });
    expect(reweigh.statusCode).toBe(409);
    expect(reweigh.json().error.code).toBe('bulletin_not_draft');
    expect((await post(office, '/recompute', { version: b.version })).json().error.code).toBe('bulletin_not_draft');
    expect((await post(office, '/comments', { text: '办公室不能点评' })).statusCode).toBe(403);
    expect((await reader.request({ method: 'GET', url: `/api/bulletins/${b.id}` })).statusCode).toBe(404);

    const commented = await post(leader, '/comments', { text: '城市管理局按期办结，值得肯定。\n交通运输局要限期整改逾期事项。' });
    expect(commented.statusCode, commented.body).toBe(201);
    b = commented.json() as Bulletin;
    expect(b.comments).toEqual([
      expect.objectContaining({
        authorName: '张明',
        authorTitle: '管委会主任',
        text: '城市管理局按期办结，值得肯定。\n交通运输局要限期整改逾期事项。',
      }),
    ]);
    expect(b.comments[0]!.removable).toBe(true); // the author may take it back until publication
    expect(b.abilities).toMatchObject({ comment: true, publish: false, edit: false });
  });

  it('refuses a typed number already used: 409, and nothing is published, numbered or audited', async () => {
    await inTransaction(systemCtx(t.db, t.clock), (tx) => claimDocumentNumber(tx, { number: '赣新勤廉〔2026〕5号' }));
    const taken = await post(office, '/publish', { version: b.version, number: '赣新勤廉[2026]5号' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'document_number_taken' });
    const still = await bulletinFrom(office, { method: 'GET', url: `/api/bulletins/${b.id}` });
    expect(still).toMatchObject({ status: 'review', number: null, signedHead: null, version: b.version });
    expect(await events('bulletin.publish')).toEqual([]);
    const numbers = await t.db.db.selectFrom('documentNumbers').select('number').where('entityId', '=', b.id).execute();
    expect(numbers).toEqual([]);
  });

  it('publishes with the next number of the series and the audit chain’s signed head, which verifies', async () => {
    const published = await bulletinFrom(office, {
      method: 'POST',
      url: `/api/bulletins/${b.id}/publish`,
      payload: { version: b.version },
    });
    expect(published).toMatchObject({ status: 'published', number: '赣新勤廉〔2026〕1号', publishedAt: AFTER_Q1.toISOString() });
    const head = published.signedHead!;
    const [event] = await events('bulletin.publish');
    expect(head.seq).toBeGreaterThanOrEqual(event!.seq); // the head covers the publication (and the key's first publication, if any)
    const row = await t.db.db.selectFrom('auditEvents').select('hash').where('seq', '=', head.seq).executeTakeFirstOrThrow();
    expect(row.hash).toBe(head.hash);
    expect(await verifyHeadSignature(t.db.db, head)).toMatchObject({ valid: true, problem: null });
    expect(await verifyHeadSignature(t.db.db, { ...head, seq: head.seq - 1 })).toMatchObject({ valid: false });
    // the bulletin and its comment are held to their seals: nothing changed since the events that wrote them
    const check = await verifyAuditRecords(t.db.db);
    expect(check.records).toMatchObject({ ok: true, problems: [] });
    b = published;
  });

  it('is readable by everyone who reads bulletins once published, and never changes again (409)', async () => {
    expect((await reader.request({ method: 'GET', url: `/api/bulletins/${b.id}` })).statusCode).toBe(200);
    const listed = (await reader.request({ method: 'GET', url: '/api/bulletins' })).json() as BulletinPage;
    expect(listed.items.find((x) => x.id === b.id)).toMatchObject({
      number: '赣新勤廉〔2026〕1号',
      bestName: '城市管理局',
      worstName: '交通运输局',
    });
    const edit = await office.request({
      method: 'PUT',
      url: `/api/bulletins/${b.id}`,
      payload: { version: b.version, title: '改过的标题' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('通报已发布（赣新勤廉〔2026〕1号），不能再修改');
    for (const [path, payload] of [
      ['/recompute', { version: b.version }],
      ['/submit', { version: b.version }],
      ['/return', { version: b.version }],
      ['/publish', { version: b.version }],
    ] as const) {
      const res = await post(office, path, payload, 'en-US');
      expect(res.statusCode, path).toBe(409);
      expect(res.json().error.message).toBe('The bulletin has been published (赣新勤廉〔2026〕1号) and can no longer be changed');
    }
    expect((await post(leader, '/comments', { text: '补充意见' })).json().error.code).toBe('bulletin_published');
    const removal = await leader.request({ method: 'DELETE', url: `/api/bulletins/${b.id}/comments/${b.comments[0]!.id}` });
    expect(removal.statusCode).toBe(409);
    expect(await bulletinFrom(office, { method: 'GET', url: `/api/bulletins/${b.id}` })).toEqual(b);
  });

  it('downloads as DOCX with the title, number, first-ranked department and 记录核验, its tables as XLSX, and previews as HTML', async () => {
    const docx = await office.request({ method: 'GET', url: `/api/bulletins/${b.id}/document.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml.document');
    const name = `赣新勤廉〔2026〕1号 ${b.title}`;
    expect(docx.headers['content-disposition']).toBe(
      `attachment; filename="bulletin-2026-Q1.docx"; filename*=UTF-8''${encodeURIComponent(`${name}.docx`)}`,
    );
    const xml = (await zipParts(docx.rawPayload)).get('word/document.xml')!;
    const text = textOf(xml);
    for (const part of [
      b.title,
      '赣新勤廉〔2026〕1号',
      '管委会主任张明：城市管理局按期办结，值得肯定。',
      '记录核验',
      b.signedHead!.hash,
      '/p/verify',
    ])
      expect(text).toContain(part);
    const ranking = rowsOf(xml);
    expect(ranking[0]).toEqual(['排名', '部门', '综合得分', '按时办结率', '办结率', '红灯数', '退回次数', '办结', '逾期未办结']);
    expect(ranking[1]!.slice(0, 4)).toEqual(['1', '城市管理局', '100', '100%']);

    const xlsx = await office.request({ method: 'GET', url: `/api/bulletins/${b.id}/tables.xlsx` });
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent(`${name}（附表）.xlsx`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['表1 各部门综合排名', '表2 逾期未办结事项']);
    expect(book.worksheets[0]!.getRow(2).values).toEqual([undefined, 1, '城市管理局', 100, '100%', '100%', 0, 0, 2, 0]);

    const preview = (await reader.request({ method: 'GET', url: `/api/bulletins/${b.id}/preview` })).json() as BulletinPreview;
    expect(preview.fileName).toBe(`${name}.docx`);
    expect(preview.html).toContain('赣新勤廉〔2026〕1号');
    expect(preview.html).toContain('交通运输局');
    expect(preview.html).not.toContain('<script');
  });
});
