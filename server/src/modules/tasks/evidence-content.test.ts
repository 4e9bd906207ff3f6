import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/harness.ts';
import { writeSheet } from '../../platform/documents/xlsx.ts';
import { evidenceUploadsOn } from './evidence-uploads.test-support.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PAGE = Buffer.from('<!doctype html><html><script>fetch("/api/me").then(r=>r.text()).then(alert)</script></html>');
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 按内容定类型: evidence is typed by its bytes, and only images and PDF are ever shown inline. */
describe.each(ENGINES)('evidence typed by content on %s', (engine) => {
  const e = evidenceUploadsOn(engine);
  const { upload, storedFiles } = e;

  it('refuses a page declared as an image or a PDF, in both languages, and stores nothing', async () => {
    const before = await storedFiles();
    for (const contentType of ['image/png', 'application/pdf']) {
      const res = await upload('a.png', contentType, PAGE);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'file_type_mismatch', fields: [{ path: 'body.file' }] });
      expect(res.json().error.message).toContain('文件内容与声明的类型不符');
    }
    const en = await upload('a.pdf', 'application/pdf', PAGE, 'en-US');
    expect(en.json().error.message).toContain('does not match its declared type');
    expect(await storedFiles()).toBe(before);
  });

  it('refuses a real PDF declared as an image', async () => {
    const res = await upload('a.png', 'image/png', PDF);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('file_type_mismatch');
  });

  it('stores a PDF declared as octet-stream as application/pdf and serves it inline', async () => {
    const res = await upload('通知.pdf', 'application/octet-stream', PDF);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().mime).toBe('application/pdf');
    const row = await e.t.db.db.selectFrom('files').select('mime').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.mime).toBe('application/pdf');
    const got = await e.s.request({ method: 'GET', url: `${res.json().url}?inline=true` });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('serves an XLSX as an attachment even when inline is asked for', async () => {
    const xlsx = await writeSheet({ name: '台账', columns: [{ header: '事项', width: 20 }], rows: [['一']] });
    const res = await upload('台账.xlsx', XLSX_MIME, xlsx);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().mime).toBe(XLSX_MIME);
    const got = await e.s.request({ method: 'GET', url: `${res.json().url}?inline=true` });
    expect(got.headers['content-disposition']).toMatch(/^attachment; filename="__\.xlsx"; filename\*=UTF-8''/);
    expect(got.headers['content-type']).toBe('application/octet-stream');
    expect(got.rawPayload.equals(xlsx)).toBe(true);
  });

  it('keeps plain text and CSV as text, served as attachments', async () => {
    const txt = await upload('说明.txt', 'text/plain', Buffer.from('整改说明：已完成。\n'));
    expect(txt.statusCode, txt.body).toBe(201);
    expect(txt.json().mime).toBe('text/plain');
    const csv = await upload('台账.csv', 'application/vnd.ms-excel', Buffer.from('事项,进度\n一,100\n'));
    expect(csv.json().mime).toBe('text/csv');
    const got = await e.s.request({ method: 'GET', url: `${txt.json().url}?inline=true` });
    expect(got.headers['content-disposition']).toMatch(/^attachment; /);
    // a page declared as text is still a page
    expect((await upload('a.txt', 'text/plain', PAGE)).statusCode).toBe(400);
  });
});
