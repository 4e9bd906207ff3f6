import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildViewerIn, rootDepartment } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';

/** 亮牌上岗 photos: typed by their bytes, versioned file names, the old file removed, scope as for the person. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

describe.each(ENGINES)('people’s photos on %s', (engine) => {
  let t: TestApp;
  let d1: { id: string }, d2: { id: string };
  let p1: { id: string }, p2: { id: string };

  beforeAll(async () => {
    t = await startTestApp(engine);
    await rootDepartment(t);
    d1 = await buildDepartment(t, { name: '经济发展局' });
    d2 = await buildDepartment(t, { name: '财政金融局' });
    p1 = await buildPerson(t, { departmentId: d1.id });
    p2 = await buildPerson(t, { departmentId: d2.id });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('photos', () => {
    const upload = (s: Session, id: string, file: Parameters<typeof multipartFile>[0]) =>
      s.request({ method: 'POST', url: `/api/people/${id}/photo`, ...multipartFile(file) });
    const filesUnder = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

    it('stores a PNG under files/photos/<id>-v<version>.png and streams it back', async () => {
      const p = await buildPerson(t, { departmentId: d2.id });
      const res = await upload(t.admin, p.id, { filename: '工作照.png', contentType: 'image/png', data: PNG });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ photoUrl: `/api/people/${p.id}/photo`, version: 2 });
      expect(fs.readFileSync(path.join(t.config.dataDir, 'files', 'photos', `${p.id}-v2.png`))).toEqual(PNG);
      const got = await t.admin.request({ method: 'GET', url: `/api/people/${p.id}/photo` });
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.rawPayload).toEqual(PNG);
      // a JPEG replaces it; the old file goes
      expect((await upload(t.admin, p.id, { filename: 'b.jpg', contentType: 'image/jpeg', data: JPEG })).statusCode).toBe(200);
      expect(fs.existsSync(path.join(t.config.dataDir, 'files', 'photos', `${p.id}-v2.png`))).toBe(false);
      expect(fs.readFileSync(path.join(t.config.dataDir, 'files', 'photos', `${p.id}-v3.jpg`))).toEqual(JPEG);
      expect((await t.admin.request({ method: 'GET', url: `/api/people/${p.id}/photo` })).headers['content-type']).toBe('image/jpeg');
      const actions = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', p.id).execute();
      expect(actions.filter((a) => a.action === 'person.photo')).toHaveLength(2);
    });

    it('judges the type by magic bytes, not by the declared MIME type', async () => {
      const p = await buildPerson(t, { departmentId: d2.id });
      for (const data of [GIF, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), Buffer.from('%PDF-1.4 fake')]) {
        const res = await upload(t.admin, p.id, { filename: 'fake.png', contentType: 'image/png', data });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'invalid_file', fields: [{ path: 'body.file' }] });
      }
      // a real WebP declared as text still works
      const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(16)]);
      expect((await upload(t.admin, p.id, { filename: 'x.txt', contentType: 'text/plain', data: webp })).json().photoUrl).toBe(
        `/api/people/${p.id}/photo`,
      );
      const row = await t.db.db.selectFrom('people').select('photoFile').where('id', '=', p.id).executeTakeFirstOrThrow();
      expect(row.photoFile).toBe(`${p.id}-v2.webp`);
    });

    it('refuses a valid PNG header followed by a page, and keeps a real PNG', async () => {
      const p = await buildPerson(t, { departmentId: d2.id });
      const header = PNG.subarray(0, 8);
      for (const data of [
        Buffer.concat([header, Buffer.from('<html><script>alert(document.cookie)</script></html>')]),
        Buffer.concat([PNG, Buffer.from('<HTML><SCRIPT>alert(1)</SCRIPT>')]),
      ]) {
        const res = await upload(t.admin, p.id, { filename: 'a.png', contentType: 'image/png', data });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'invalid_file', fields: [{ path: 'body.file' }] });
      }
      const none = await t.db.db.selectFrom('people').select('photoFile').where('id', '=', p.id).executeTakeFirstOrThrow();
      expect(none.photoFile).toBeNull();
      expect((await upload(t.admin, p.id, { filename: 'a.png', contentType: 'image/png', data: PNG })).statusCode).toBe(200);
    });

    it('ignores path tricks in the client file name', async () => {
      const p = await buildPerson(t, { departmentId: d2.id });
      const before = new Set(filesUnder(t.config.dataDir));
      for (const filename of ['../../../../tmp/evil.png', '..\\..\\evil.png', '/etc/passwd', 'a\u0000b.png']) {
        expect((await upload(t.admin, p.id, { filename, contentType: 'image/png', data: PNG })).statusCode).toBe(200);
      }
      const added = filesUnder(t.config.dataDir).filter((f) => !before.has(f));
      expect(added).toEqual([path.join(t.config.dataDir, 'files', 'photos', `${p.id}-v5.png`)]);
      expect(fs.existsSync('/tmp/evil.png')).toBe(false);
    });

    it('refuses a missing file, an oversize file, and out-of-scope people', async () => {
      const p = await buildPerson(t, { departmentId: d2.id });
      const wrongField = await upload(t.admin, p.id, { field: 'photo', filename: 'a.png', contentType: 'image/png', data: PNG });
      expect(wrongField.statusCode).toBe(400);
      expect(wrongField.json().error.code).toBe('invalid_file');
      const limit = t.config.uploadLimitBytes;
      t.config.uploadLimitBytes = 1024; // the same config object the app reads per request
      try {
        const big = await upload(t.admin, p.id, {
          filename: 'big.png',
          contentType: 'image/png',
          data: Buffer.concat([PNG, Buffer.alloc(4096)]),
        });
        expect(big.statusCode).toBe(413);
        expect(big.json().error.code).toBe('file_too_large');
      } finally {
        t.config.uploadLimitBytes = limit;
      }
      expect((await t.admin.request({ method: 'GET', url: `/api/people/${p.id}/photo` })).statusCode).toBe(404);
      await upload(t.admin, p2.id, { filename: 'a.png', contentType: 'image/png', data: PNG });
      const outsider = (await buildViewerIn(t, d1.id, { permissions: ['people.read', 'people.manage'], dataScope: 'dept' })).session;
      expect((await outsider.request({ method: 'GET', url: `/api/people/${p2.id}/photo` })).statusCode).toBe(404);
      expect((await upload(outsider, p2.id, { filename: 'a.png', contentType: 'image/png', data: PNG })).statusCode).toBe(404);
      expect((await outsider.request({ method: 'GET', url: `/api/people/${p1.id}/photo` })).statusCode).toBe(404);
    });
  });
});
