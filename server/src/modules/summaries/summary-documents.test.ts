import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryDocument, SummaryDocumentPage } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildMonthlySummary } from '../../../test/factories.ts';
import { zipParts } from '../../platform/documents/official/official.test-support.ts';
import { ok, summaryWorld, type SummaryWorld } from './summaries.test-support.ts';

/**
 * 月度工作小结 through the real app: the office compiles the month from the accepted summaries only,
 * previews it, downloads it as DOCX and XLSX, and publishes it with a document number; from then on
 * it never changes — not by editing, not by publishing again, not by a summary accepted later.
 */
describe.each(ENGINES)('the compiled monthly summary on %s', (engine) => {
  let t: TestApp;
  let w: SummaryWorld;
  let transportSummary: { id: string; version: number };
  let draft: SummaryDocument;

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await summaryWorld(t);
    await buildMonthlySummary(t, { departmentId: w.city.department.id, status: 'accepted', highlights: '背街小巷整治全部按期完成' });
    transportSummary = await buildMonthlySummary(t, { departmentId: w.transport.department.id, highlights: '公交线路优化方案已报批' });
  });
  afterAll(() => t.close());

  const docx = async (id: string) => {
    const res = await w.office.request({ method: 'GET', url: `/api/summaries/documents/${id}/document.docx` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    return (await zipParts(res.rawPayload)).get('word/document.xml')!;
  };
  /** the text of the DOCX's body, runs joined (a paragraph may be split into several runs) */
  const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

  it('drafts the month from the accepted summaries only, naming the departments still missing', async () => {
    draft = await ok<SummaryDocument>(
      w.office,
      { method: 'POST', url: '/api/summaries/documents', payload: { kind: 'monthly', period: '2026-02' } },
      201,
    );
    expect(draft).toMatchObject({
      kind: 'monthly',
      period: '2026-02',
      status: 'draft',
      title: '2026年2月工作小结',
      number: null,
      numberPrefix: '勤廉办',
    });
    expect(draft.entries.map((e) => e.departmentName)).toEqual(['城市管理局']);
    expect(draft.missing).toEqual(['交通运输局']);
    expect(draft.abilities).toEqual({ edit: true, publish: true });
  });

  it('refuses a second draft of the month, a month not ended and a period of the wrong kind', async () => {
    const post = (payload: object) => w.office.request({ method: 'POST', url: '/api/summaries/documents', payload });
    const twice = await post({ kind: 'monthly', period: '2026-02' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: 'summary_document_exists',
      message: '2026-02 的“2026年2月工作小结”已经起草，请直接打开编辑',
    });
    const march = await post({ kind: 'monthly', period: '2026-03' });
    expect(march.statusCode).toBe(409);
    expect(march.json().error.code).toBe('summary_period_not_ended');
    const wrongKind = await post({ kind: 'monthly', period: '2026-H1' });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.fields[0].path).toBe('body.period');
    expect(await t.db.db.selectFrom('summaryDocuments').select('id').execute()).toHaveLength(1);
  });

  it('keeps drafts from departments: a department head neither sees nor compiles them', async () => {
    expect((await w.city.session.request({ method: 'GET', url: `/api/summaries/documents/${draft.id}` })).statusCode).toBe(404);
    const list = await ok<SummaryDocumentPage>(w.city.session, { method: 'GET', url: '/api/summaries/documents' });
    expect(list.total).toBe(0);
    const compile = await w.city.session.request({
      method: 'POST',
      url: '/api/summaries/documents',
      payload: { kind: 'monthly', period: '2026-01' },
    });
    expect(compile.statusCode).toBe(403);
  });

  it('edits the draft and previews it as it would print', async () => {
    draft = await ok<SummaryDocument>(w.office, {
      method: 'PUT',
      url: `/api/summaries/documents/${draft.id}`,
      payload: {
        version: draft.version,
        title: '2026年2月勤廉新区建设工作小结',
        organ: '勤廉新区建设领导小组办公室',
        numberPrefix: '赣新勤廉',
        intro: '各部门扎实推进各项任务。',
      },
    });
    expect(draft).toMatchObject({ title: '2026年2月勤廉新区建设工作小结', numberPrefix: '赣新勤廉', version: 2 });
    const { html } = await ok<{ html: string }>(w.office, { method: 'GET', url: `/api/summaries/documents/${draft.id}/preview` });
    expect(html).toContain('2026年2月勤廉新区建设工作小结');
    expect(html).toContain('背街小巷整治全部按期完成');
    expect(html).not.toContain('公交线路优化方案已报批');
  });

  it('publishes it with the next number of its prefix; the DOCX holds the title, number and the department’s text', async () => {
    const published = await ok<SummaryDocument>(w.office, {
      method: 'POST',
      url: `/api/summaries/documents/${draft.id}/publish`,
      payload: { version: draft.version },
    });
    expect(published).toMatchObject({ status: 'published', number: '赣新勤廉〔2026〕1号', abilities: { edit: false, publish: false } });
    const carried = await t.db.db
      .selectFrom('monthlySummaries')
      .select(['departmentId', 'documentId'])
      .where('month', '=', '2026-02')
      .execute();
    expect(carried.filter((c) => c.documentId === draft.id).map((c) => c.departmentId)).toEqual([w.city.department.id]);

    const text = textOf(await docx(draft.id));
    for (const words of [
      '2026年2月勤廉新区建设工作小结',
      '赣新勤廉〔2026〕1号',
      '城市管理局',
      '工作亮点：背街小巷整治全部按期完成',
      '各部门扎实推进各项任务。',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('公交线路优化方案已报批');
    const xlsx = await w.office.request({ method: 'GET', url: `/api/summaries/documents/${draft.id}/document.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');

    // published: every reader sees it
    const seen = await ok<SummaryDocument>(w.city.session, { method: 'GET', url: `/api/summaries/documents/${draft.id}` });
    expect(seen.entries.map((e) => e.departmentName)).toEqual(['城市管理局']);
  });

  it('never changes once published: edits and a second publication are refused, a later acceptance is not added', async () => {
    const before = await docx(draft.id);
    const edit = await w.office.request({
      method: 'PUT',
      url: `/api/summaries/documents/${draft.id}`,
      payload: { version: 3, title: '改标题', organ: '办公室', numberPrefix: '赣新勤廉' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({
      code: 'summary_document_published',
      message: '“2026年2月勤廉新区建设工作小结”已经发布（赣新勤廉〔2026〕1号），不能再修改',
    });
    const again = await w.office.request({ method: 'POST', url: `/api/summaries/documents/${draft.id}/publish`, payload: { version: 3 } });
    expect(again.statusCode).toBe(409);

    await ok(w.office, {
      method: 'POST',
      url: `/api/summaries/monthly/${transportSummary.id}/accept`,
      payload: { version: transportSummary.version },
    });
    expect(await docx(draft.id)).toBe(before);
    const numbers = await t.db.db.selectFrom('documentNumbers').select(['number', 'entityId']).execute();
    expect(numbers).toEqual([{ number: '赣新勤廉〔2026〕1号', entityId: draft.id }]);
  });

  it('refuses to publish a month with nothing accepted, and takes no number for it', async () => {
    const empty = await ok<SummaryDocument>(
      w.office,
      { method: 'POST', url: '/api/summaries/documents', payload: { kind: 'monthly', period: '2026-01' } },
      201,
    );
    const res = await w.office.request({
      method: 'POST',
      url: `/api/summaries/documents/${empty.id}/publish`,
      payload: { version: empty.version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('summary_document_empty');
    expect(await t.db.db.selectFrom('documentNumbers').select('number').execute()).toHaveLength(1);
    expect((await ok<SummaryDocument>(w.office, { method: 'GET', url: `/api/summaries/documents/${empty.id}` })).status).toBe('draft');
  });
});
