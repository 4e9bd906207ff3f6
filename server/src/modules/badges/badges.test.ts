import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Badge, BadgeWall, PublicBadge } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser, setWhereaboutsOf } from '../../../test/factories.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * 亮牌上岗 through the real app: the badge wall issues badges, duties are edited by the person or a
 * head, reissue and revoke retire codes (404 exactly like unknown ones), the public page shows only
 * what a visitor would see, and the photo only while the badge is live.
 */
describe.each(ENGINES)('badges (亮牌上岗) on %s', (engine) => {
  let t: TestApp;
  let seq = 0;
  const visitor = () => ({ remoteAddress: `203.0.113.${++seq}`, headers: { 'x-device-id': `badge-visitor-${engine}-${seq}-0000000` } });
  const publicGet = (url: string, lang?: string) =>
    t.app.inject({ method: 'GET', url, ...visitor(), ...(lang ? { headers: { ...visitor().headers, 'accept-language': lang } } : {}) });

  beforeAll(async () => {
    t = await startTestApp(engine, { publicUrl: 'https://qinlian.example.gov.cn' });
  });
  afterAll(async () => {
    await t.close();
  });

  /** A department: a post (A with an account, B), a member without a post, a head with badges.manage, a staff member. */
  const unit = async () => {
    const dept = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: dept.id, duties: '受理营业执照申请' });
    const holder = (await buildSignedInUser(t, { permissions: ['people.read'], dataScope: 'dept', personId: post.aPersonId! })).session;
    const loner = await buildPerson(t, { departmentId: dept.id });
    const head = (
      await buildSignedInUser(t, {
        permissions: ['people.read', 'badges.manage'],
        dataScope: 'dept_and_below',
        personId: (await buildPerson(t, { departmentId: dept.id, title: '局长' })).id,
      })
    ).session;
    const colleague = (await buildSignedInUser(t, { permissions: ['people.read'], dataScope: 'dept', personId: post.bPersonId! })).session;
    return { dept, post, holder, head, colleague, loner };
  };
  const json = async <T>(s: Session, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object, status = 200) => {
    const res = await s.request({ method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  };
  const wallOf = (s: Session, id: string) => json<BadgeWall>(s, 'GET', `/api/badges/departments/${id}`);

  it('shows a department’s badge wall, issuing badges to everyone with a post; other departments are 404', async () => {
    const { dept, post, head, holder, loner } = await unit();
    const other = await unit();
    const wall = await wallOf(head, dept.id);
    expect(wall.departmentName).toBe(dept.name);
    expect(wall.ratingPageCode).toMatch(/^[2-9A-HJKMNP-Z]{13}$/);
    const byId = new Map(wall.items.map((b) => [b.personId, b]));
    expect(byId.size).toBe(4); // A, B, the member without a post, the head
    const a = byId.get(post.aPersonId!)!;
    expect(a).toMatchObject({ shownDuties: '受理营业执照申请', duties: null, revoked: false, rating: { count: 0, average: null } });
    expect(a.posts).toEqual([{ id: post.id, name: post.name, role: 'A', duties: '受理营业执照申请', backupName: expect.any(String) }]);
    expect(a.code).toMatch(/^[2-9A-HJKMNP-Z]{13}$/);
    expect(a.publicPath).toBe(`/p/b/${a.code}`);
    expect(a.abilities).toEqual({ edit: true, reissue: true, revoke: true, print: true });
    expect(byId.get(loner.id)).toMatchObject({ code: null, posts: [] }); // no post: issued when first asked
    expect((await wallOf(head, dept.id)).items.find((b) => b.personId === a.personId)!.code).toBe(a.code); // kept
    const seen = (await wallOf(holder, dept.id)).items.find((b) => b.personId === a.personId)!;
    expect(seen.abilities).toEqual({ edit: true, reissue: true, revoke: false, print: true }); // their own
    const colleagues = (await wallOf(holder, dept.id)).items.find((b) => b.personId === loner.id)!;
    expect(colleagues.abilities).toMatchObject({ edit: false, reissue: false });
    expect((await other.head.request({ method: 'GET', url: `/api/badges/departments/${dept.id}` })).statusCode).toBe(404);
    expect((await head.request({ method: 'GET', url: '/api/badges/departments/0190f0a0-0000-7000-8000-00000000dead' })).statusCode).toBe(
      404,
    );
    const noPeopleRead = (await buildSignedInUser(t, { permissions: ['badges.manage'], dataScope: 'all' })).session;
    expect((await noPeopleRead.request({ method: 'GET', url: `/api/badges/departments/${dept.id}` })).statusCode).toBe(403);
    expect((await noPeopleRead.request({ method: 'GET', url: `/api/badges/people/${post.aPersonId}/print` })).statusCode).toBe(403);
    const first = await json<Badge>(head, 'GET', `/api/badges/people/${loner.id}`);
    expect(first.code).toMatch(/^[2-9A-HJKMNP-Z]{13}$/);
    expect((await other.head.request({ method: 'GET', url: `/api/badges/people/${loner.id}` })).statusCode).toBe(404);
  });

  it('lets the person or a head with badges.manage set the duties, as typed; a colleague 403, another head 404', async () => {
    const { post, head, holder, colleague } = await unit();
    const other = await unit();
    const url = `/api/badges/people/${post.aPersonId}`;
    const html = '<img src=x onerror=alert(1)>负责窗口受理 & 咨询';
    expect((await holder.request({ method: 'PUT', url, payload: { duties: html } })).json()).toMatchObject({
      duties: html,
      shownDuties: html,
    });
    expect((await colleague.request({ method: 'PUT', url, payload: { duties: '改' } })).statusCode).toBe(403);
    expect((await other.head.request({ method: 'PUT', url, payload: { duties: '改' } })).statusCode).toBe(404);
    const byHead = await json<Badge>(head, 'PUT', url, { duties: '   ' });
    expect(byHead).toMatchObject({ duties: null, shownDuties: '受理营业执照申请' }); // blank: the post's duties again
    await json(head, 'PUT', url, { duties: html });
    const page = await publicGet(`/api/public/badges/${byHead.code}`);
    expect(page.json().duties).toBe(html); // stored and served as the text it is
    expect((await holder.request({ method: 'PUT', url, payload: { duties: '长'.repeat(1001) } })).statusCode).toBe(400);
  });

  it('serves the public badge: only what a visitor sees, with whereabouts; a replaced, withdrawn or unknown code is the same 404', async () => {
    const { post, head, holder, colleague } = await unit();
    const badge = await json<Badge>(head, 'GET', `/api/badges/people/${post.aPersonId}`);
    const res = await publicGet(`/api/public/badges/${badge.code!.toLowerCase().replace(/(.{4})/g, '$1-')}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as PublicBadge;
    const b = await t.db.db.selectFrom('people').select(['name', 'phone']).where('id', '=', post.bPersonId!).executeTakeFirstOrThrow();
    const a = await t.db.db.selectFrom('people').select(['name', 'phone']).where('id', '=', post.aPersonId!).executeTakeFirstOrThrow();
    expect(page).toEqual({
      code: badge.code,
      displayCode: badge.displayCode,
      name: a.name,
      photoUrl: null,
      departmentName: badge.departmentName,
      postName: post.name,
      duties: '受理营业执照申请',
      backupName: b.name,
      whereabouts: { state: 'in_office', expectedReturnAt: null },
      rating: { count: 0, average: null },
      ratingPageCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{13}$/),
    });
    expect(res.body).not.toContain(a.phone!);
    await setWhereaboutsOf(t, post.aPersonId!, 'training');
    expect((await publicGet(`/api/public/badges/${badge.code}`)).json().whereabouts.state).toBe('training');

    const unknown = await publicGet('/api/public/badges/ZZZZ2345ZZZZ' + checkFor('ZZZZ2345ZZZZ'));
    expect(unknown.statusCode).toBe(404);
    expect((await colleague.request({ method: 'POST', url: `/api/badges/people/${post.aPersonId}/reissue` })).statusCode).toBe(403);
    const reissued = await json<Badge>(holder, 'POST', `/api/badges/people/${post.aPersonId}/reissue`);
    expect(reissued.code).not.toBe(badge.code);
    const old = await publicGet(`/api/public/badges/${badge.code}`);
    expect([old.statusCode, old.body]).toEqual([unknown.statusCode, unknown.body]);
    expect((await publicGet(`/api/public/badges/${reissued.code}`)).statusCode).toBe(200);
    expect((await holder.request({ method: 'POST', url: `/api/badges/people/${post.aPersonId}/revoke` })).statusCode).toBe(403);
    const revoked = await json<Badge>(head, 'POST', `/api/badges/people/${post.aPersonId}/revoke`);
    expect(revoked).toMatchObject({ revoked: true, abilities: { print: false, revoke: false, reissue: true } });
    const gone = await publicGet(`/api/public/badges/${reissued.code}`);
    expect([gone.statusCode, gone.body]).toEqual([unknown.statusCode, unknown.body]);
    const rating = await t.app.inject({
      method: 'POST',
      url: `/api/public/badges/${reissued.code}/ratings`,
      ...visitor(),
      payload: { score: 5 },
    });
    expect(rating.statusCode).toBe(404);
    const typo = await publicGet(`/api/public/badges/${reissued.code!.slice(0, 12)}${reissued.code!.endsWith('2') ? '3' : '2'}`, 'en-US');
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.fields[0].message).toContain('not a valid tracking code');
  });

  it('serves the photo only for a live badge', async () => {
    const { post, head } = await unit();
    const code = (await json<Badge>(head, 'GET', `/api/badges/people/${post.aPersonId}`)).code!;
    expect((await publicGet(`/api/public/badges/${code}/photo`)).statusCode).toBe(404); // none uploaded
    const upload = await t.admin.request({
      method: 'POST',
      url: `/api/people/${post.aPersonId}/photo`,
      ...multipartFile({ filename: 'me.png', contentType: 'image/png', data: PNG }),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    expect((await publicGet(`/api/public/badges/${code}`)).json().photoUrl).toBe(`/api/public/badges/${code}/photo`);
    const photo = await publicGet(`/api/public/badges/${code}/photo`);
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, 'image/png']);
    expect(photo.rawPayload).toEqual(PNG);
    await json(head, 'POST', `/api/badges/people/${post.aPersonId}/revoke`);
    expect((await publicGet(`/api/public/badges/${code}/photo`)).statusCode).toBe(404);
  });

  it('prints a badge and a desk card as PDF with the QR code to the public page, and the QR code alone as PNG', async () => {
    const { post, head, colleague } = await unit();
    const other = await unit();
    const badge = await json<Badge>(head, 'GET', `/api/badges/people/${post.aPersonId}`);
    const url = `https://qinlian.example.gov.cn/p/b/${badge.code}`;
    const QRCode = (await import('qrcode')).default;
    const qrWidth = (QRCode.create(url, { errorCorrectionLevel: 'M' }).modules.size + 2) * 8; // one-module margin, 8 px a module
    for (const layout of ['badge', 'desk-card']) {
      const res = await colleague.request({ method: 'GET', url: `/api/badges/people/${post.aPersonId}/print?layout=${layout}` });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename=/);
      const pdf = res.rawPayload.toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf.match(/\/Count (\d+)/)?.[1]).toBe('1'); // one page
      expect(pdf).toContain(`/URI (${url})`); // the QR code is a link to the page, too
      expect(pdf).toMatch(new RegExp(`/Subtype /Image[\\s\\S]{0,200}/Width ${qrWidth}|/Width ${qrWidth}[\\s\\S]{0,200}/Subtype /Image`));
    }
    const png = await colleague.request({ method: 'GET', url: `/api/badges/people/${post.aPersonId}/print?format=png` });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(png.rawPayload.readUInt32BE(16)).toBe((qrWidth / 8) * 12); // IHDR width: 12 px a module
    expect((await other.head.request({ method: 'GET', url: `/api/badges/people/${post.aPersonId}/print` })).statusCode).toBe(404);
    await json(head, 'POST', `/api/badges/people/${post.aPersonId}/revoke`);
    const refused = await head.request({ method: 'GET', url: `/api/badges/people/${post.aPersonId}/print` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({ code: 'badge_revoked', message: '该工作牌已收回，请重新发放后再打印' });
  });
});

/** The check character that makes `body` (12 characters) a well-formed tracking code. */
function checkFor(body: string): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const sum = [...body].reduce((s, c, i) => (s + (i + 1) * alphabet.indexOf(c)) % 31, 0);
  for (let c = 0; c < 31; c++) if ((sum + 13 * c) % 31 === 0) return alphabet[c]!;
  throw new Error('no check character');
}
