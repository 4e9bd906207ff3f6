import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { Open311Service, Open311ServiceRequest } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { inTransaction } from '../../platform/context.ts';
import { startTimer } from '../time-limits/index.ts';
import { demandsRepo } from './demands.repo.ts';

/** The submitter's personal data: none of it may appear in any Open311 answer. */
const SUBMITTER = { first_name: '小明', last_name: '王', phone: '13912345678', email: 'wangxm@example.cn' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Open311 GeoReport v2 at /open311/v2: services, filing by form or JSON, following by tracking code. */
describe.each(ENGINES)('Open311 GeoReport v2 on %s', (engine) => {
  let t: TestApp;
  let caller = 0;
  beforeAll(async () => (t = await startTestApp(engine)));
  afterAll(() => t.close());

  /** Each call from its own address and device, so rate limits never spill between cases. */
  const call = (app: TestApp, opts: InjectOptions) => {
    caller += 1;
    return app.app.inject({
      ...opts,
      remoteAddress: `203.0.113.${caller % 250}`,
      headers: { 'x-device-id': `open311-${engine}-${caller}`.padEnd(20, '0'), ...(opts.headers ?? {}) },
    });
  };
  const get = (url: string, lang = 'zh-CN') => call(t, { method: 'GET', url: `/open311/v2${url}`, headers: { 'accept-language': lang } });
  const postForm = (app: TestApp, fields: Record<string, string>) =>
    call(app, {
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payload: form(fields),
    });
  const noPersonalData = (body: string) => {
    for (const secret of Object.values(SUBMITTER)) expect(body).not.toContain(secret);
  };
  /** A demand filed by an Open311 client with everything the specification lets it send. */
  const filed = async (over: Record<string, string> = {}) => {
    const res = await postForm(t, {
      service_code: 'municipal',
      lat: '28.6829',
      long: '115.8579',
      description: '幸福路与民主路交叉口的路灯坏了一周\n晚上过马路很不安全，请尽快修复。',
      device_id: 'device-1',
      account_id: 'acct-9',
      media_url: 'https://example.cn/photo.jpg',
      'attribute[WHISPAWN]': '1',
      ...SUBMITTER,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    noPersonalData(res.body);
    const [receipt] = res.json() as { service_request_id: string; service_notice: string; account_id: null }[];
    return (await demandsRepo.byCode(t.db.db, receipt!.service_request_id))!;
  };

  it('lists the demand categories as services, with the routing rules’ keywords, in the caller’s language', async () => {
    const rule = await t.admin.request({
      method: 'POST',
      url: '/api/demand-routing-rules',
      payload: { keyword: '路灯', category: '市政设施' },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const res = await get('/services.json');
    expect(res.statusCode).toBe(200);
    const services = res.json() as Open311Service[];
    expect(services.map((s) => s.service_name)).toEqual([
      '市政设施',
      '供水供电',
      '教育',
      '养老服务',
      '交通停车',
      '环境噪声',
      '营商环境',
      '医疗卫生',
      '其他',
    ]);
    expect(services[0]).toMatchObject({
      service_code: 'municipal',
      metadata: false,
      type: 'realtime',
      keywords: '路灯',
      group: '群众诉求',
    });
    expect((await get('/services.json', 'en-US')).json()[0]).toMatchObject({
      service_name: 'Municipal facilities',
      group: 'Public demands',
    });
    expect((await get('/services/health.json?jurisdiction_id=example.gov.cn')).json()).toEqual({ service_code: 'health', attributes: [] });
    const missing = await get('/services/potholes.json', 'en-US');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: 'No service has the code “potholes”; services.json lists the codes' }]);
  });

  it('files a form-encoded request as a demand of channel open311 and answers its tracking code', async () => {
    const row = await filed();
    expect(row).toMatchObject({
      kind: 'demand',
      channel: 'open311',
      category: '市政设施',
      title: '幸福路与民主路交叉口的路灯坏了一周',
      body: '幸福路与民主路交叉口的路灯坏了一周\n晚上过马路很不安全，请尽快修复。',
      lat: 28.6829,
      long: 115.8579,
      address: null,
      status: 'received',
    });
    // kept sealed, never in clear
    expect(row.phoneSealed).not.toContain(SUBMITTER.phone);
    expect(row.submitterNameSealed).not.toBeNull();
  });

  it('takes JSON too, with an address for its location', async () => {
    const res = await call(t, {
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'accept-language': 'en-US' },
      payload: {
        service_code: 'traffic_parking',
        address_string: '红谷滩区丰和中大道 1 号',
        description: '小区门口长期有车辆违停，堵住消防通道。',
        email: '',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [receipt] = res.json();
    expect(receipt.account_id).toBeNull();
    expect(receipt.service_notice).toContain('tracking code');
    const row = await demandsRepo.byCode(t.db.db, receipt.service_request_id);
    expect(row).toMatchObject({ address: '红谷滩区丰和中大道 1 号', category: '交通停车', emailSealed: null, lat: null });
  });

  it('follows a request from open to closed, with the reply, the unit and the expected date — nothing personal', async () => {
    const row = await filed();
    const one = await get(`/requests/${row.code}.json`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual([
      {
        service_request_id: row.code,
        status: 'open',
        status_notes: null,
        service_name: '市政设施',
        service_code: 'municipal',
        description: row.body,
        agency_responsible: null,
        service_notice: '待受理',
        requested_datetime: row.createdAt,
        updated_datetime: row.updatedAt,
        expected_datetime: null,
        address: null,
        address_id: null,
        zipcode: null,
        lat: 28.6829,
        long: 115.8579,
        media_url: null,
      } satisfies Open311ServiceRequest,
    ]);
    noPersonalData(one.body);

    const dept = await buildDepartment(t, { name: '城市管理局' });
    await inTransaction(systemCtx(t.db, t.clock), (tx) =>
      startTimer(tx, { kind: 'public_demand', subjectId: row.id, departmentId: dept.id, ownerPersonId: null, dueOn: '2026-03-16' }),
    );
    const closedAt = '2026-03-05T02:00:00.000Z';
    await demandsRepo.update(t.db.db, row.id, row.version, {
      status: 'closed',
      departmentId: dept.id,
      reply: '路灯已于3月4日修复，感谢您的反映。',
      repliedAt: closedAt,
      closedAt,
      updatedAt: closedAt,
    });
    const closed = (await get(`/requests/${row.code.toLowerCase()}.json`)).json()[0] as Open311ServiceRequest;
    expect(closed).toMatchObject({
      status: 'closed',
      status_notes: '路灯已于3月4日修复，感谢您的反映。',
      agency_responsible: '城市管理局',
      service_notice: '已办结',
      updated_datetime: closedAt,
      expected_datetime: '2026-03-16T23:59:59+08:00',
    });
    const rejected = await filed();
    await demandsRepo.update(t.db.db, rejected.id, rejected.version, { status: 'rejected', reply: '不属于本区管辖，请向市级部门反映。' });
    expect((await get(`/requests/${rejected.code}.json`, 'en-US')).json()[0]).toMatchObject({
      status: 'closed',
      status_notes: '不属于本区管辖，请向市级部门反映。',
      service_notice: 'not accepted',
    });
  });

  it('lists requests newest first, filtered by code, service, status and dates; never a hidden one', async () => {
    const open = await filed({ service_code: 'health', description: '社区卫生服务中心周末不开门，看病不方便。' });
    const done = await filed({ service_code: 'health', description: '医院门口停车难，希望增加车位。' });
    await demandsRepo.update(t.db.db, done.id, done.version, { status: 'closed', reply: '已协调增设临时车位。', closedAt: done.createdAt });
    const hidden = await filed({ service_code: 'health', description: '一段辱骂他人的内容，应被隐藏处理。' });
    await demandsRepo.update(t.db.db, hidden.id, hidden.version, { hiddenAt: hidden.createdAt, hiddenReason: '辱骂' });

    const ids = (res: { json(): unknown }) => (res.json() as Open311ServiceRequest[]).map((r) => r.service_request_id);
    const health = await get('/requests.json?service_code=health');
    expect(health.statusCode, health.body).toBe(200);
    expect(ids(health)).toEqual([done.code, open.code]);
    noPersonalData(health.body);
    expect(ids(await get('/requests.json?service_code=health&status=closed'))).toEqual([done.code]);
    expect(ids(await get('/requests.json?service_code=health&service_request_id=&status=open,closed'))).toEqual([done.code, open.code]);
    expect(ids(await get('/requests.json?service_code=health,education&status=open'))).toEqual([open.code]);
    expect(ids(await get(`/requests.json?service_request_id=${open.code},${hidden.code},nonsense&status=closed`))).toEqual([open.code]);
    expect(
      ids(await get('/requests.json?service_code=health&start_date=2026-01-01T00:00:00Z&end_date=2026-02-01T00:00:00%2B08:00')),
    ).toEqual([]);
    expect(ids(await get('/requests.json?service_code=health&start_date=2026-03-01T00:00:00Z'))).toEqual([done.code, open.code]);
    expect(ids(await get('/requests.json'))).not.toContain(hidden.code);

    const hiddenOne = await get(`/requests/${hidden.code}.json`);
    expect(hiddenOne.statusCode).toBe(404);
    expect(hiddenOne.json()).toEqual([{ code: 404, description: '没有找到这件服务请求' }]);
    expect((await get('/requests/ABC.json')).statusCode).toBe(404);
    const tooLong = await get('/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()[0].code).toBe(400);
    expect((await get('/requests.json?status=pending')).statusCode).toBe(400);
  });

  it('refuses XML, a missing location, a bad description and unknown paths in the Open311 error shape', async () => {
    const xml = await get('/services.xml', 'en-US');
    expect(xml.statusCode).toBe(400);
    expect(xml.headers['content-type']).toMatch(/^application\/json/);
    expect(xml.json()).toEqual([{ code: 400, description: 'Format not supported: use .json' }]);
    expect((await get('/requests/ABCD.xml')).statusCode).toBe(400);

    const nowhere = await postForm(t, { service_code: 'municipal', description: '路面塌陷了，很危险。', lat: '', long: '' });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json()).toEqual([{ code: 400, description: '请提供位置：经纬度（lat 和 long 都要填）或地址（address_string）' }]);
    const half = await postForm(t, { service_code: 'municipal', description: '路面塌陷了，很危险。', lat: '28.6' });
    expect(half.json()[0].code).toBe(400);
    const short = await postForm(t, { service_code: 'municipal', description: '坏了', address_string: '幸福路' });
    expect(short.statusCode).toBe(400);
    expect(short.json()[0].description).toContain('description: 至少 5 个字符');
    const offMap = await postForm(t, { service_code: 'municipal', description: '路面塌陷了，很危险。', lat: '128', long: '115' });
    expect(offMap.json()[0].description).toContain('lat');
    const badPhone = await postForm(t, {
      service_code: 'municipal',
      description: '路面塌陷了，很危险。',
      address_string: '幸福路',
      phone: '12345',
    });
    expect(badPhone.statusCode).toBe(400);
    const wrongService = await postForm(t, { service_code: 'potholes', description: '路面塌陷了，很危险。', address_string: '幸福路' });
    expect(wrongService.statusCode).toBe(404);
    const nothing = await get('/tokens/123.json');
    expect(nothing.statusCode).toBe(404);
    expect(nothing.json()[0].code).toBe(404);
    const count = await t.db.db
      .selectFrom('demands')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('body', '=', '路面塌陷了，很危险。')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  describe('where api_keys are configured', () => {
    let keyed: TestApp;
    beforeAll(async () => {
      keyed = await startTestApp(engine, {
        open311ApiKeys: ['key-alpha', 'key-beta'],
        publicApi: { perAddress: 3, perDevice: 0, windowMs: 60_000 },
      });
    });
    afterAll(() => keyed.close());
    const request = { service_code: 'other', address_string: '八一广场', description: '广场喷泉夜间噪声太大，影响休息。' };

    it('posts only with a valid api_key, and answers 403 before looking at the rest', async () => {
      for (const fields of [request, { ...request, api_key: 'key-gamma' }, { api_key: 'nope', description: 'x' }]) {
        const res = await postForm(keyed, fields);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toEqual([{ code: 403, description: '提交服务请求需要有效的 api_key，请向管理员申请' }]);
      }
      const ok = await postForm(keyed, { ...request, api_key: 'key-beta' });
      expect(ok.statusCode, ok.body).toBe(201);
      expect((await call(keyed, { method: 'GET', url: '/open311/v2/services.json' })).statusCode).toBe(200);
    });

    it('sits behind the public rate limits, and says so in the Open311 shape', async () => {
      const from = { method: 'GET' as const, url: '/open311/v2/services.json', remoteAddress: '192.0.2.77' };
      for (let i = 0; i < 3; i++) expect((await keyed.app.inject(from)).statusCode).toBe(200);
      const limited = await keyed.app.inject(from);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBeDefined();
      expect(limited.json()[0].code).toBe(429);
    });
  });
});
