import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandDetail, DemandPage, PublicDemand, PublicDemandReceipt } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildViewerIn } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { solvedHeaders } from '../../../test/challenge.ts';
import { rectificationsBySource } from '../rectification/index.ts';
import { verifyAuditRecords } from '../../platform/audit/verify-records.ts';
import { newTrackingCode } from '../../platform/public/tracking-code.ts';

const OFFICE = ['demands.read', 'demands.dispatch', 'demands.moderate'] as const;
const HANDLER = ['demands.read', 'demands.handle'] as const;
const PHONE = '13812345678';

/**
 * 群众诉求 through the real app: a citizen submits from the public form and follows it by the code;
 * the office accepts and dispatches; the department takes it, sends a wrong one back once, replies;
 * the office closes; a bad rating becomes 整改; one reopening; the contact shown in full only to
 * those handling it, and every view of it audited.
 */
describe.each(ENGINES)('public demands (群众诉求) on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let unitA: { id: string };
  let unitB: { id: string };
  let handlerA: Session;
  let handlerB: Session;
  let device = 0;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const root = await buildDepartment(t, { name: '领导小组办公室' });
    unitA = await buildDepartment(t, { name: '城市管理局' });
    unitB = await buildDepartment(t, { name: '教育局' });
    office = (await buildViewerIn(t, root.id, { permissions: [...OFFICE], dataScope: 'all' })).session;
    handlerA = (await buildViewerIn(t, unitA.id, { permissions: [...HANDLER], dataScope: 'dept' })).session;
    handlerB = (await buildViewerIn(t, unitB.id, { permissions: [...HANDLER], dataScope: 'dept' })).session;
  });
  afterAll(() => t.close());

  const submit = (payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/demands',
      payload,
      headers: { 'x-device-id': `device-${engine}-${++device}-abcdefgh`, ...headers },
    });
  const track = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/public/demands/${code}` })).json() as PublicDemand;
  const step = async (s: Session, id: string, path: string, payload: object, status = 200) => {
    const res = await s.request({ method: 'POST', url: `/api/demands/${id}/${path}`, payload });
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as DemandDetail;
  };
  const get = async (s: Session, id: string) => (await s.request({ method: 'GET', url: `/api/demands/${id}` })).json() as DemandDetail;
  const idOf = async (code: string) =>
    (await t.db.db.selectFrom('demands').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  const newDemand = async (title = '小区门口路灯坏了') => {
    const res = await submit({ kind: 'demand', title, body: '晚上出行很不安全，希望尽快维修。', name: '王小明', phone: PHONE });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json() as PublicDemandReceipt;
    return { receipt, id: await idOf(receipt.code) };
  };

  it('takes a submission without an account: a tracking code, nothing personal in any public answer, sealed at rest, masked in lists', async () => {
    const { receipt, id } = await newDemand();
    expect(receipt).toMatchObject({ status: 'received', expectedBy: null });
    expect(receipt.displayCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]$/);
    const page = await track(receipt.displayCode.toLowerCase()); // typed as read out, any case and hyphens
    expect(page).toMatchObject({ status: 'received', title: '小区门口路灯坏了', canRate: false, canReopen: false });
    expect(JSON.stringify(page)).not.toMatch(/王小明|13812345678|1234/);
    const row = await t.db.db.selectFrom('demands').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.channel).toBe('web');
    expect(row.phoneSealed!.startsWith('v1:')).toBe(true);
    expect(JSON.stringify(row)).not.toContain(PHONE);
    const list = (await office.request({ method: 'GET', url: '/api/demands?box=inbox' })).json() as DemandPage;
    expect(list.items.find((i) => i.id === id)).toMatchObject({ phone: '138****5678', submitterName: '王**', status: 'received' });
  });

  it('refuses bad input politely in the caller’s language and keeps nothing of it', async () => {
    const before = await t.db.db
      .selectFrom('demands')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const empty = await submit({ kind: 'demand', title: '', body: '' });
    expect(empty.statusCode).toBe(400);
    const badPhone = await submit({ kind: 'demand', title: '噪声扰民', body: '夜里施工声音很大。', phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(JSON.stringify(badPhone.json())).toContain('phone');
    const huge = await submit({ kind: 'demand', title: '很长', body: '长'.repeat(100_000) });
    expect([400, 413]).toContain(huge.statusCode);
    const en = await submit({ kind: 'demand', title: 'x', body: 'y' }, { 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toMatch(/[A-Za-z]/);
    const unknownCampaign = await submit({
      kind: 'suggestion',
      solicitationCode: 'NOPE',
      title: '建一个公园',
      body: '希望在新区建一个社区公园。',
    });
    expect(unknownCampaign.statusCode).toBe(404);
    expect(unknownCampaign.json().error).toMatchObject({ code: 'solicitation_not_found', message: '没有找到这项征集活动' });
    const after = await t.db.db
      .selectFrom('demands')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // a forged code: malformed → 400 "check it", well-formed but unknown → 404
    expect((await t.app.inject({ method: 'GET', url: '/api/public/demands/ABCDEFGHJKMNP' })).statusCode).toBe(400);
    const { receipt } = await newDemand();
    const other = receipt.code.slice(0, -2) + (receipt.code.at(-2) === '2' ? '3' : '2') + receipt.code.at(-1);
    expect([400, 404]).toContain((await t.app.inject({ method: 'GET', url: `/api/public/demands/${other}` })).statusCode);
  });

  it('refuses a suggestion outside its campaign’s period, saying when it is open', async () => {
    const now = new Date().toISOString();
    const code = newTrackingCode(); // a campaign's code is made as a tracking code is
    await t.db.db
      .insertInto('solicitations')
      .values({
        id: `s-${engine}`,
        code,
        title: '2027年民生实事征集',
        description: '',
        categories: '["教育"]',
        opensOn: '2025-08-06',
        closesOn: '2025-08-30',
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const res = await submit({
      kind: 'suggestion',
      solicitationCode: code.toLowerCase(), // as a person might type it
      title: '新建一所小学',
      body: '新区人口增加，希望新建一所小学。',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('2025-08-06 至 2025-08-30');
    // written past the app above (campaigns have their own tests): gone again, so the audit check below sees only the app's rows
    await t.db.db.deleteFrom('solicitations').where('id', '=', `s-${engine}`).execute();
  });

  it('runs the closed loop: accept, dispatch, send back once, re-dispatch, take, reply, close; the department’s deadline runs', async () => {
    const { receipt, id } = await newDemand('学校门口交通拥堵');
    let d = await step(office, id, 'accept', { category: '交通停车', urgent: true, version: 1 });
    expect(d).toMatchObject({ status: 'accepted', category: '交通停车', urgent: true });
    d = await step(office, id, 'dispatch', { departmentId: unitB.id, version: d.version });
    expect(d).toMatchObject({ status: 'dispatched', departmentName: '教育局' });
    expect(d.timer).toMatchObject({ overdue: false });
    expect((await track(receipt.code)).expectedBy).toBe(d.timer!.dueOn);
    // 教育局 sees it, 城市管理局 does not (404)
    expect((await handlerA.request({ method: 'GET', url: `/api/demands/${id}` })).statusCode).toBe(404);
    d = await get(handlerB, id);
    expect(d.abilities).toMatchObject({ take: true, sendBack: true, reply: false, dispatch: false });
    d = await step(handlerB, id, 'send-back', { reason: '交通秩序由城市管理局负责', version: d.version });
    expect(d).toMatchObject({ status: 'accepted', departmentId: null, sentBackCount: 1 });
    d = await step(office, id, 'dispatch', { departmentId: unitA.id, version: d.version });
    const taken = await step(handlerA, id, 'take', { version: d.version });
    const again = await handlerA.request({
      method: 'POST',
      url: `/api/demands/${id}/send-back`,
      payload: { reason: '还是不归我们', version: taken.version },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('demand_sent_back_once');
    const replied = await step(handlerA, id, 'reply', { reply: '已安排交警在上下学时段疏导。', version: taken.version });
    expect(replied.timer?.doneAt).not.toBeNull();
    const closed = await step(office, id, 'close', { version: replied.version });
    expect(closed.events.map((e) => e.kind)).toEqual(['received', 'accept', 'dispatch', 'sendBack', 'dispatch', 'take', 'reply', 'close']);
    const page = await track(receipt.code);
    expect(page).toMatchObject({
      status: 'closed',
      reply: '已安排交警在上下学时段疏导。',
      departmentName: '城市管理局',
      canRate: true,
      canReopen: true,
    });
    // a step from the wrong state, and a stale version
    expect(
      (
        await office.request({
          method: 'POST',
          url: `/api/demands/${id}/dispatch`,
          payload: { departmentId: unitB.id, version: closed.version },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('turns a bad rating into 整改 for the department that answered, and reopens once', async () => {
    const { receipt, id } = await newDemand('垃圾清运不及时');
    let d = await step(office, id, 'dispatch', { departmentId: unitA.id, version: 1 });
    d = await step(handlerA, id, 'take', { version: d.version });
    const early = await t.app.inject({ method: 'POST', url: `/api/public/demands/${receipt.code}/rating`, payload: { rating: 5 } });
    expect(early.statusCode).toBe(409);
    await step(handlerA, id, 'reply', { reply: '已调整清运时间。', version: d.version });
    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/public/demands/${receipt.code}/rating`,
      payload: { rating: 1, comment: '<b>还是没人来</b>' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect((rated.json() as PublicDemand).rating).toBe(1);
    const items = await rectificationsBySource(t.db.db, 'demand_review', [id]);
    expect(items.get(id)).toMatchObject({ status: 'open' });
    const twice = await t.app.inject({ method: 'POST', url: `/api/public/demands/${receipt.code}/rating`, payload: { rating: 5 } });
    expect(twice.json().error.code).toBe('demand_already_rated');
    const reopened = await t.app.inject({
      method: 'POST',
      url: `/api/public/demands/${receipt.code}/reopen`,
      payload: { reason: '问题没有解决' },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((reopened.json() as PublicDemand).status).toBe('handling');
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/public/demands/${receipt.code}/reopen`,
      payload: { reason: '还是没有解决' },
    });
    expect(second.json().error.code).toBe('demand_reopen_used');
    expect((await get(handlerA, id)).abilities.reply).toBe(true);
  });

  it('shows the contact in full only to those handling it, and audits every view', async () => {
    const { id } = await newDemand('楼道漏水');
    expect((await handlerB.request({ method: 'GET', url: `/api/demands/${id}/contact` })).statusCode).toBe(404);
    const shown = await office.request({ method: 'GET', url: `/api/demands/${id}/contact` });
    expect(shown.json()).toEqual({ name: '王小明', phone: PHONE, email: null });
    const views = await t.db.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', id)
      .where('action', '=', 'demand.contact_view')
      .execute();
    expect(views).toHaveLength(1);
    const d = await step(office, id, 'hide', { reason: '含有辱骂内容', version: 1 });
    expect(d.hidden).toBe(true);
    expect(
      (await track((await t.db.db.selectFrom('demands').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code)).body,
    ).toBe('');
  });

  it('keeps a letter’s scan by its bytes and refuses a program dressed as a photo', async () => {
    const res = await office.request({
      method: 'POST',
      url: '/api/demands',
      payload: {
        channel: 'letter',
        kind: 'demand',
        title: '来信：要求修缮老旧小区',
        body: '小区外墙脱落，存在安全隐患。',
        name: '李大爷',
        address: '赣江新区某小区',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const letter = res.json() as DemandDetail;
    expect(letter).toMatchObject({ channel: 'letter', status: 'received' });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const upload = (data: Buffer, filename: string, contentType: string) =>
      office.request({ method: 'POST', url: `/api/demands/${letter.id}/attachments`, ...multipartFile({ filename, contentType, data }) });
    const up = await upload(png, 'scan.png', 'image/png');
    expect(up.statusCode, up.body).toBe(201);
    expect((up.json() as DemandDetail).attachments).toMatchObject([{ originalName: 'scan.png', contentType: 'image/png' }]);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const refused = await upload(exe, 'photo.jpg', 'image/jpeg');
    expect([400, 415]).toContain(refused.statusCode);
    expect((await get(office, letter.id)).attachments).toHaveLength(1);
  });

  it('vouches for every item as it stands after all of the above, and names one edited past the app', async () => {
    const clean = await verifyAuditRecords(t.db.db);
    expect(clean.chain.ok, clean.chain.reason ?? '').toBe(true);
    expect(clean.records!.problems).toEqual([]);
    const { id } = await newDemand('被篡改的诉求');
    await t.db.db.updateTable('demands').set({ status: 'closed' }).where('id', '=', id).execute();
    const tampered = await verifyAuditRecords(t.db.db);
    expect(JSON.stringify(tampered.records!.problems)).toContain(id);
    await t.db.db.updateTable('demands').set({ status: 'received' }).where('id', '=', id).execute();
    expect((await verifyAuditRecords(t.db.db)).records!.problems).toEqual([]);
  });

  it('limits one device to 10 submissions an hour, the ones past its soft threshold with a solved proof (安全校验)', async () => {
    const headers = { 'x-device-id': `flood-${engine}-0123456789` };
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const payload = { kind: 'demand', title: `第${i}条`, body: '同一台设备连续提交。' };
      const first = await submit(payload, headers);
      codes.push(first.statusCode === 428 ? (await submit(payload, { ...headers, ...solvedHeaders(first) })).statusCode : first.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});
