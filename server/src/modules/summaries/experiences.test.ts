import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Experience, ExperiencePage, SummaryDocument } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildExperience, buildSignedInUser } from '../../../test/factories.ts';
import { zipParts } from '../../platform/documents/official/official.test-support.ts';
import { headOf, ok } from './summaries.test-support.ts';

/**
 * 半年一总结 through the real app: departments submit typical experiences for the half year; the office
 * selects and edits them and publishes the half year's collection (典型经验汇编) with a number; a
 * published experience or collection never changes, and its half year takes no more experiences.
 */
describe.each(ENGINES)('typical experiences and their collection on %s', (engine) => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof headOf>>;
  let transport: Awaited<ReturnType<typeof headOf>>;
  let office: Session;
  let mine: Experience;
  let collection: SummaryDocument;

  beforeAll(async () => {
    t = await startTestApp(engine);
    city = await headOf(t, await buildDepartment(t, { name: '城市管理局' }));
    transport = await headOf(t, await buildDepartment(t, { name: '交通运输局' }));
    office = (await buildSignedInUser(t, { permissions: ['summaries.read', 'summaries.review'], dataScope: 'all' })).session;
  });
  afterAll(() => t.close());

  const submit = (s: Session, payload: object) => s.request({ method: 'POST', url: '/api/summaries/experiences', payload });
  const count = async () => (await t.db.db.selectFrom('typicalExperiences').select('id').execute()).length;
  const text = '推行“街长制”，每条背街小巷明确一名街长，问题当天发现当天处置。\n三个月整治背街小巷46条。';

  it("files a department's experience for the current half year, and refuses a duplicate, another department's and a future half year", async () => {
    mine = await ok<Experience>(
      city.session,
      { method: 'POST', url: '/api/summaries/experiences', payload: { title: '街长制管好背街小巷', text } },
      201,
    );
    expect(mine).toMatchObject({ period: '2026-H1', departmentName: '城市管理局', status: 'submitted', editedByName: null });
    expect(mine.abilities).toEqual({ edit: true, select: false });

    const duplicate = await submit(city.session, { title: '街长制管好背街小巷', text: '再交一次' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe('本部门 2026-H1 已经提交过题为“街长制管好背街小巷”的典型经验');
    const forOther = await submit(city.session, { title: '公交接驳', text, departmentId: transport.department.id });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().error.code).toBe('summary_other_department');
    const future = await submit(city.session, { title: '下半年的经验', text, period: '2026-H2' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('experience_period_future');
    expect(await count()).toBe(1);
  });

  it('lets the office select and edit it; the department then can no longer change it', async () => {
    const other = await buildExperience(t, { departmentId: transport.department.id, title: '公交线路优化三步法' });
    const page = await ok<ExperiencePage>(office, { method: 'GET', url: '/api/summaries/experiences?period=2026-H1' });
    expect(page.items.map((e) => e.title).sort()).toEqual(['公交线路优化三步法', '街长制管好背街小巷']);
    const notYours = await city.session.request({ method: 'GET', url: `/api/summaries/experiences/${other.id}` });
    expect(notYours.statusCode).toBe(404);
    const headSelects = await city.session.request({
      method: 'POST',
      url: `/api/summaries/experiences/${mine.id}/select`,
      payload: { version: mine.version, selected: true },
    });
    expect(headSelects.statusCode).toBe(403);

    mine = await ok<Experience>(office, {
      method: 'POST',
      url: `/api/summaries/experiences/${mine.id}/select`,
      payload: { version: mine.version, selected: true },
    });
    expect(mine).toMatchObject({ status: 'selected', selectedAt: expect.any(String) });
    mine = await ok<Experience>(office, {
      method: 'PUT',
      url: `/api/summaries/experiences/${mine.id}`,
      payload: { version: mine.version, title: '“街长制”让背街小巷长治长效', text },
    });
    expect(mine).toMatchObject({ title: '“街长制”让背街小巷长治长效', editedByName: expect.any(String) });
    const late = await city.session.request({
      method: 'PUT',
      url: `/api/summaries/experiences/${mine.id}`,
      payload: { version: mine.version, title: '部门再改', text },
    });
    expect(late.statusCode).toBe(403);
  });

  it('publishes the half year’s collection of the selected experiences with a number; the DOCX holds them', async () => {
    collection = await ok<SummaryDocument>(
      office,
      { method: 'POST', url: '/api/summaries/documents', payload: { kind: 'experiences', period: '2026-H1' } },
      201,
    );
    expect(collection).toMatchObject({ title: '2026年上半年典型经验汇编', status: 'draft' });
    expect(collection.entries.map((e) => [e.title, e.departmentName])).toEqual([['“街长制”让背街小巷长治长效', '城市管理局']]);

    collection = await ok<SummaryDocument>(office, {
      method: 'POST',
      url: `/api/summaries/documents/${collection.id}/publish`,
      payload: { version: collection.version },
    });
    expect(collection).toMatchObject({ status: 'published', number: '勤廉办〔2026〕1号' });
    const res = await office.request({ method: 'GET', url: `/api/summaries/documents/${collection.id}/document.docx` });
    expect(res.statusCode).toBe(200);
    const xml = (await zipParts(res.rawPayload)).get('word/document.xml')!;
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const expected of [
      '2026年上半年典型经验汇编',
      '勤廉办〔2026〕1号',
      '“街长制”让背街小巷长治长效',
      '（城市管理局）',
      '三个月整治背街小巷46条。',
    ])
      expect(words).toContain(expected);
    expect(words).not.toContain('公交线路优化三步法');
  });

  it('keeps published experiences and their half year closed: no edit, no selection, no new submission', async () => {
    const published = await ok<Experience>(city.session, { method: 'GET', url: `/api/summaries/experiences/${mine.id}` });
    expect(published).toMatchObject({ status: 'published', documentId: collection.id, abilities: { edit: false, select: false } });
    const edit = await office.request({
      method: 'PUT',
      url: `/api/summaries/experiences/${mine.id}`,
      payload: { version: published.version, title: '发布后再改', text },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('这篇典型经验已编入汇编发布，不能再修改');
    const before = await count();
    const added = await submit(transport.session, { title: '迟到的经验', text });
    expect(added.statusCode).toBe(409);
    expect(added.json().error.code).toBe('experience_collection_published');
    const other = (await ok<ExperiencePage>(office, { method: 'GET', url: '/api/summaries/experiences?status=submitted' })).items[0]!;
    const select = await office.request({
      method: 'POST',
      url: `/api/summaries/experiences/${other.id}/select`,
      payload: { version: other.version, selected: true },
    });
    expect(select.statusCode).toBe(409);
    expect(await count()).toBe(before);
  });
});
