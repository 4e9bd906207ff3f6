import { describe, expect, it } from 'vitest';
import { writeSheet } from '../documents/xlsx.ts';
import { contentTypeOf, isWholeImage } from './content-type.ts';
import { sniffImage } from './files.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const typeOf = (bytes: Buffer, declared: string) => contentTypeOf(bytes, declared, 'en-US');
const refused = async (bytes: Buffer, declared: string) =>
  expect(typeOf(bytes, declared)).rejects.toMatchObject({ code: 'file_type_mismatch', status: 400 });

describe('content type by content', () => {
  it('takes the detected type when the declared one is generic, an alias or carries parameters', async () => {
    expect(await typeOf(PDF, 'application/octet-stream')).toBe('application/pdf');
    expect(await typeOf(PDF, '')).toBe('application/pdf');
    expect(await typeOf(PNG, 'IMAGE/PNG; name=a.png')).toBe('image/png');
    expect(await typeOf(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]), 'image/jpg')).toBe('image/jpeg');
  });

  it('accepts a ZIP-based format declared as itself and stores what file-type found', async () => {
    const xlsx = await writeSheet({ name: 'a', columns: [{ header: 'x', width: 10 }], rows: [['1']] });
    const sheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(await typeOf(xlsx, sheet)).toBe(sheet);
    await refused(xlsx, 'application/pdf');
  });

  it('refuses a mismatch, and page markup whatever it claims to be', async () => {
    await refused(PDF, 'image/png');
    await refused(PNG, 'text/plain');
    for (const page of ['\ufeff  <!DOCTYPE html><p>x', '<svg onload=alert(1)>', '<?xml version="1.0"?><html/>', '\n<script>x</script>']) {
      await refused(Buffer.from(page), 'text/plain');
      await refused(Buffer.from(page), 'application/octet-stream');
    }
    // declared as what it is: refused for being a page, not for a "mismatch" between two equal types
    await expect(typeOf(Buffer.from('<html><p>x'), 'text/html')).rejects.toMatchObject({ code: 'file_markup_refused', status: 400 });
    await expect(typeOf(Buffer.from('<svg onload=alert(1)>'), 'image/svg+xml')).rejects.toMatchObject({ code: 'file_markup_refused' });
  });

  it('keeps UTF-8 text as text/plain or text/csv, other unknown bytes as octet-stream', async () => {
    expect(await typeOf(Buffer.from('整改说明'), 'application/json')).toBe('text/plain');
    expect(await typeOf(Buffer.from('a,b\n1,2\n'), 'application/vnd.ms-excel')).toBe('text/csv');
    expect(await typeOf(Buffer.from([0xc3, 0x28, 0x00, 0x01]), 'text/plain')).toBe('application/octet-stream');
    await refused(Buffer.from('plain words'), 'application/pdf');
  });

  it('calls a photo whole only when file-type agrees and no page follows the header', async () => {
    expect(await isWholeImage(PNG, sniffImage(PNG)!)).toBe(true);
    const trojan = Buffer.concat([PNG, Buffer.from('<html><script>alert(1)</script>')]);
    expect(await isWholeImage(trojan, sniffImage(trojan)!)).toBe(false);
    const webpHeaderOnPng = { ext: 'webp', mime: 'image/webp' } as const;
    expect(await isWholeImage(PNG, webpHeaderOnPng)).toBe(false);
  });
});
