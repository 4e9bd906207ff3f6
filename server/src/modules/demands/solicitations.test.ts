import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicSolicitation, Solicitation, SolicitationBody } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { DomainError } from '../../platform/errors.ts';
import { newTrackingCode } from '../../platform/public/tracking-code.ts';
import { openSolicitationByCode, receiveDemand } from './index.ts';

/** 征集活动: campaigns in the console (demands.manage), their public page by code, and the QR poster. */
describe.each(ENGINES)('solicitation campaigns on %s', (engine) => {
  let t: TestApp;
  let manager: Session;
  let staff: Session;
  let caller = 0;
  beforeAll(async () => {
    t = await startTestApp(engine, { publicUrl: 'https://qinlian.example.gov.cn' });
    manager = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.manage'] })).session;
    staff = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.handle'], dataScope: 'dept' })).session;
  });
  afterAll(() => t.close());

  // the test clock stands at 2026-03-02 (Asia/Shanghai)
  const campaign = (over: Partial<SolicitationBody> = {}): SolicitationBody => ({
    title: '2027年度民生实事项目征集',
    description: '您最希望政府办好哪些事？',
    categories: ['教育', '养老服务', '交通停车'],
    opensOn: '2026-03-01',
    closesOn: '2026-03-31',
    ...over,
  });
  const create = (who: Session, body: unknown) => who.request({ method: 'POST', url: '/api/solicitations', payload: body as object });
  const created = async (over: Partial<SolicitationBody> = {}) => {
    const res = await create(manager, campaign(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Solicitation;
  };
  /** Each public call from its own address and device, so rate limits never spill between cases. */
  const publicPage = (code: string) => {
    caller += 1;
    return t.app.inject({
      method: 'GET',
      url: `/api/public/solicitations/${encodeURIComponent(code)}`,
      remoteAddress: `198.51.100.${caller}`,
      headers: { 'x-device-id': `solicitation-${engine}-${caller}`.padEnd(20, '0') },
    });
  };

  it('opens a campaign with a new public code, lists it, and audits it', async () => {
    const s = await created();
    expect(s).toMatchObject({
      title: '2027年度民生实事项目征集',
      categories: ['教育', '养老服务', '交通停车'],
      open: true,
      publicPath: `/p/s/${s.code}`,
      submissions: 0,
      version: 1,
    });
    expect(s.code).toMatch(/^[2-9A-HJKMNP-Z]{13}$/);
    const list = await staff.request({ method: 'GET', url: '/api/solicitations' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: Solicitation) => i.id)).toContain(s.id);
    const audit = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', s.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['solicitation.create']);
  });

  it('refuses bad campaigns politely and stores none of them', async () => {
    const before = (await manager.request({ method: 'GET', url: '/api/solicitations' })).json().items.length as number;
    const backwards = await create(manager, campaign({ opensOn: '2026-08-30', closesOn: '2026-08-06' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0].path).toBe('body.closesOn');
    const tooMany = await create(manager, campaign({ categories: Array.from({ length: 31 }, (_, i) => `分类${i}`) }));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields[0]).toMatchObject({ path: 'body.categories', message: '最多 30 项' });
    expect((await create(manager, campaign({ title: '' }))).statusCode).toBe(400);
    expect((await create(manager, campaign({ opensOn: '2026-02-30' }))).statusCode).toBe(400);
    expect((await manager.request({ method: 'GET', url: '/api/solicitations' })).json().items).toHaveLength(before);
  });

  it('lets only demands.manage open or change a campaign, and only demands.read see them', async () => {
    expect((await create(staff, campaign())).statusCode).toBe(403);
    const s = await created();
    const patch = await staff.request({ method: 'PATCH', url: `/api/solicitations/${s.id}`, payload: { title: '改名', version: 1 } });
    expect(patch.statusCode).toBe(403);
    const outsider = (await buildSignedInUser(t, { permissions: ['org.read'] })).session;
    expect((await outsider.request({ method: 'GET', url: '/api/solicitations' })).statusCode).toBe(403);
    expect((await outsider.request({ method: 'GET', url: `/api/solicitations/${s.id}/poster.png` })).statusCode).toBe(403);
  });

  it('changes a campaign at the version read, refuses a stale one and a closing day before the opening', async () => {
    const s = await created();
    const url = `/api/solicitations/${s.id}`;
    const changed = await manager.request({
      method: 'PATCH',
      url,
      payload: { closesOn: '2026-04-15', categories: ['教育', '教育', '医疗卫生'], version: 1 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ code: s.code, closesOn: '2026-04-15', categories: ['教育', '医疗卫生'], version: 2 });
    const stale = await manager.request({ method: 'PATCH', url, payload: { title: '另一个标题', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const backwards = await manager.request({
      method: 'PATCH',
      url,
      headers: { 'accept-language': 'en-US' },
      payload: { opensOn: '2026-05-01', version: 2 },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ code: 'solicitation_dates_order', fields: [{ path: 'body.closesOn' }] });
    expect(backwards.json().error.message).toContain('2026-04-15');
    const now = (await manager.request({ method: 'GET', url })).json() as Solicitation;
    expect(now).toMatchObject({ opensOn: '2026-03-01', version: 2 });
    expect((await manager.request({ method: 'GET', url: '/api/solicitations/nope' })).json().error.code).toBe('solicitation_not_found');
  });

  it('counts the suggestions made in it and says whether it is open today', async () => {
    const s = await created();
    const past = await created({ opensOn: '2026-01-01', closesOn: '2026-02-28' });
    expect(past.open).toBe(false);
    await receiveDemand(systemCtx(t.db, t.clock), t.config, {
      kind: 'suggestion',
      channel: 'web',
      solicitationId: s.id,
      title: '增设社区食堂',
      body: '建议在老旧小区增设社区食堂，方便老人就餐。',
    });
    expect((await manager.request({ method: 'GET', url: `/api/solicitations/${s.id}` })).json().submissions).toBe(1);
  });

  it('shows the public page by code, and answers 404 alike to a malformed and an unknown code', async () => {
    const s = await created();
    const page = await publicPage(s.code.toLowerCase().replace(/(.{4})/g, '$1-'));
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toEqual({
      code: s.code,
      title: s.title,
      description: s.description,
      categories: s.categories,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      open: true,
    } satisfies PublicSolicitation);
    const unknown = await publicPage(newTrackingCode());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('solicitation_not_found');
    for (const malformed of ['ABC', s.code.slice(0, 12) + (s.code.endsWith('2') ? '3' : '2'), 'x'.repeat(90)]) {
      const res = await publicPage(malformed);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(unknown.json());
    }
    expect((await openSolicitationByCode(t.db.db, s.code)).id).toBe(s.id);
    await expect(openSolicitationByCode(t.db.db, newTrackingCode())).rejects.toMatchObject({ code: 'solicitation_not_found', status: 404 });
    await expect(openSolicitationByCode(t.db.db, 'ABC')).rejects.toBeInstanceOf(DomainError);
  });

  it('prints an A4 poster as PNG with the QR code to the public page', async () => {
    const s = await created({ title: '2027年度民生实事项目征集：您最希望政府办好哪些事？' });
    const res = await staff.request({ method: 'GET', url: `/api/solicitations/${s.id}/poster.png` });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="solicitation-poster.png"/);
    const png = res.rawPayload;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    // A4 proportions: 210 × 297 mm at 150 dpi
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1240, 1754]);
    expect((await staff.request({ method: 'GET', url: '/api/solicitations/nope/poster.png' })).statusCode).toBe(404);
  });
});
