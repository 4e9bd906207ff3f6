import { describe, expect, it } from 'vitest';
import { writeSheet } from '../documents/xlsx.ts';
import { assertEvidenceType, cfbIsInstaller, contentTypeOf } from './content-type.ts';

/** A compound file (CFB) whose root entry carries this class id, as Word (.doc) or Windows Installer (.msi) write one. */
function cfbWithRootClass(clsid: number): Buffer {
  const bytes = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  bytes.writeUInt16LE(9, 0x1e); // 512-byte sectors
  bytes.writeUInt32LE(0, 0x30); // the directory starts in sector 0, right after the header
  bytes.writeUInt32LE(clsid, 512 + 0x50);
  return bytes;
}
const WORD_DOC = cfbWithRootClass(0x00020906);
const MSI = cfbWithRootClass(0x000c1084);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0), Buffer.from('PE\0\0')]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(57, 0)]);
const JUNK = Buffer.from([0x13, 0x00, 0x9f, 0xff, 0x00, 0x42]);

/** The type contentTypeOf stores, then whether evidence may be that. */
const verdict = async (bytes: Buffer, declared = 'application/octet-stream') => {
  const mime = await contentTypeOf(bytes, declared, 'zh-CN');
  try {
    assertEvidenceType(mime, bytes, 'zh-CN');
    return { mime, allowed: true };
  } catch (err) {
    return { mime, allowed: false, err };
  }
};

describe('evidence types allowed by content', () => {
  it('accepts office documents, PDF, images and text by what their bytes are', async () => {
    const xlsx = await writeSheet({ name: 'a', columns: [{ header: 'x', width: 10 }], rows: [['1']] });
    expect(await verdict(xlsx)).toEqual({ mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', allowed: true });
    expect(await verdict(Buffer.from('%PDF-1.4\n%%EOF\n'))).toEqual({ mime: 'application/pdf', allowed: true });
    expect(await verdict(WORD_DOC, 'application/msword')).toEqual({ mime: 'application/x-cfb', allowed: true });
    expect(await verdict(Buffer.from('整改说明：已完成。'))).toEqual({ mime: 'text/plain', allowed: true });
  });

  it('refuses programs and unknown binary with 415, naming what it found', async () => {
    for (const [bytes, mime] of [
      [EXE, 'application/x-msdownload'],
      [ELF, 'application/x-elf'],
      [MSI, 'application/x-cfb'],
      [JUNK, 'application/octet-stream'],
    ] as const) {
      const v = await verdict(bytes);
      expect(v).toMatchObject({ mime, allowed: false, err: { code: 'file_type_not_allowed', status: 415 } });
    }
    const junk = await verdict(JUNK);
    expect(junk.err).toMatchObject({ params: { actual: '无法识别的二进制内容' }, fields: [{ path: 'body.file' }] });
  });

  it('tells a Windows Installer from a Word document inside the same container format', () => {
    expect(cfbIsInstaller(MSI)).toBe(true);
    expect(cfbIsInstaller(WORD_DOC)).toBe(false);
    expect(cfbIsInstaller(Buffer.alloc(100))).toBe(false); // too short to hold a directory: not judged an installer
  });
});
