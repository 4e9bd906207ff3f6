import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/harness.ts';
import { evidenceUploadsOn } from './evidence-uploads.test-support.ts';

const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0), Buffer.from('PE\0\0')]);
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 佐证材料白名单: evidence is an office document, PDF, image, text or archive by its bytes — never a program. */
describe.each(ENGINES)('evidence allow-list on %s', (engine) => {
  const e = evidenceUploadsOn(engine);
  const { upload, storedFiles } = e;

  it('refuses virus.exe with 415 in both languages, whatever it claims to be, and stores nothing', async () => {
    const before = await storedFiles();
    for (const declared of ['application/octet-stream', 'application/x-msdownload']) {
      const res = await upload('virus.exe', declared, EXE);
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'file_type_not_allowed', fields: [{ path: 'body.file' }] });
      expect(res.json().error.message).toContain('不接受此类文件（识别为 application/x-msdownload）');
    }
    const en = await upload('virus.exe', 'application/octet-stream', EXE, 'en-US');
    expect(en.json().error.message).toContain('never a program');
    // renamed, it is still a program: the bytes decide, not the name
    expect((await upload('报告.pdf', 'application/octet-stream', EXE)).statusCode).toBe(415);
    expect(await storedFiles()).toBe(before);
  });

  it('refuses bytes nobody recognises', async () => {
    const res = await upload('data.bin', 'application/octet-stream', Buffer.from([0x13, 0x00, 0x9f, 0xff, 0x00, 0x42]));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toContain('无法识别的二进制内容');
  });

  it('accepts a PDF and text as before', async () => {
    const pdf = await upload('通知.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(pdf.statusCode, pdf.body).toBe(201);
    const txt = await upload('说明.txt', 'text/plain', Buffer.from('整改说明'));
    expect(txt.json().mime).toBe('text/plain');
    // a declared DOCX that is really text is refused as a mismatch first (400), not stored
    expect((await upload('a.docx', DOCX_MIME, Buffer.from('not a docx'))).statusCode).toBe(400);
  });

  it('lets only the console itself frame an inline PDF (the preview dialog); attachments stay unframeable', async () => {
    const pdf = (await upload('通知.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'))).json();
    const inline = await e.s.request({ method: 'GET', url: `${pdf.url}?inline=true` });
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
    expect(inline.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(inline.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(inline.headers['content-security-policy']).not.toContain("frame-ancestors 'none'");
    const download = await e.s.request({ method: 'GET', url: pdf.url });
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    expect(download.headers['x-frame-options']).toBe('DENY');
    expect(download.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
