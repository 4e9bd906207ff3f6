import { fileTypeFromBuffer, supportedMimeTypes } from 'file-type';
import { detailMessage, type Lang } from '@qinlian/contracts';
import { DomainError } from '../errors.ts';
import type { ImageKind } from './files.ts';

/**
 * 按内容定类型 (issue #11 item 7): an upload is typed by its bytes, never by what the client
 * declared. The rules, in order:
 *  1. Markup (`<html`, `<script`, `<svg`, `<!doctype`, `<?xml`, `<iframe` … at the start, after
 *     whitespace and a BOM) is refused whatever was declared: nothing served here should be a page.
 *  2. file-type recognises the bytes → the declared type must be generic (octet-stream, empty),
 *     the same type (or a known alias), or a member of the container it found (OFD is a ZIP,
 *     .doc/.xls/.ppt are CFB). The DETECTED type is stored.
 *  3. Bytes file-type does not know, declared as a type it would have recognised (image/png,
 *     application/pdf …) or as an inline type, are not what they claim: refused.
 *  4. Otherwise plain text (valid UTF-8, no NUL) is stored as text/csv when declared as CSV (Windows
 *     declares .csv as application/vnd.ms-excel) and as text/plain otherwise; other bytes are stored
 *     as application/octet-stream. Neither is ever served inline.
 * Anything that breaks these is 400 file_type_mismatch.
 */
export const GENERIC_MIME = 'application/octet-stream';

/** The only types a browser may show inline; everything else is downloaded as an attachment. */
const INLINE = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf']);
export const servedInline = (mime: string) => INLINE.has(mime);

const GENERIC: ReadonlySet<string> = new Set(['', GENERIC_MIME, 'application/binary', 'binary/octet-stream', 'application/unknown']);
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'application/x-zip-compressed': 'application/zip',
};
/** Formats that are a ZIP or CFB container inside; file-type may only get as far as the container. */
const CONTAINED: Record<string, Set<string>> = {
  'application/zip': new Set([
    'application/ofd',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ]),
  'application/x-cfb': new Set(['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint']),
};
const MARKUP_DECLARED = new Set(['text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/xml', 'application/xml']);
const CSV_DECLARED = new Set(['text/csv', 'application/csv', 'application/vnd.ms-excel']);

/** The declared type without parameters, lower case, and with aliases resolved. */
const normalise = (declared: string) => {
  const bare = declared.split(';')[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
};

/** Markup a browser could render as a page, at the very start of the bytes. */
export function startsWithMarkup(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 1024)
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '')
    .replace(/[\x00\s]+/g, '')
    .toLowerCase();
  return /^<(!doctype|html|head|body|script|svg|iframe|\?xml|!--)/.test(head);
}

/** Page markup anywhere in the bytes: a valid image header can be followed by a page. */
// Only long tags: a short one such as `<svg` turns up by chance in about 1 % of 5 MB compressed images.
export const containsMarkup = (bytes: Buffer) => /<(html|script|!doctype)/i.test(bytes.toString('latin1'));

const isPlainText = (bytes: Buffer) => !bytes.includes(0) && (bytes.length === 0 || isUtf8(bytes));
const isUtf8 = (bytes: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const mismatch = (declared: string, actual: string, lang: Lang) => {
  const message = detailMessage('file_content_differs', lang, { declared: declared || '—', actual });
  return new DomainError('file_type_mismatch', 400, { declared: declared || '—', actual }, [{ path: 'body.file', message }]);
};

/** The type to store for an upload, from its bytes and the declared type; 400 when they disagree. */
export async function contentTypeOf(bytes: Buffer, declaredRaw: string, lang: Lang): Promise<string> {
  const declared = normalise(declaredRaw);
  // before file-type: it calls `<?xml …><html>` application/xml
  if (startsWithMarkup(bytes)) {
    // "declared text/html, content is text/html" would read as no reason at all: say what is refused
    if (MARKUP_DECLARED.has(declared))
      throw new DomainError('file_markup_refused', 400, { declared }, [{ path: 'body.file', message: 'file_markup_refused' }]);
    throw mismatch(declared, 'text/html', lang);
  }
  const detected = (await fileTypeFromBuffer(bytes))?.mime as string | undefined;
  if (detected) {
    if (GENERIC.has(declared) || declared === detected || CONTAINED[detected]?.has(declared)) return detected;
    throw mismatch(declared, detected, lang);
  }
  const text = isPlainText(bytes);
  if (INLINE.has(declared) || (supportedMimeTypes as ReadonlySet<string>).has(declared)) {
    throw mismatch(declared, text ? 'text/plain' : GENERIC_MIME, lang);
  }
  if (!text) return GENERIC_MIME;
  return CSV_DECLARED.has(declared) ? 'text/csv' : 'text/plain';
}

/**
 * A photo is a real image throughout: file-type must agree with the header sniff, and no page
 * markup may follow a valid header (a PNG header then `<html><script>` is refused).
 */
export async function isWholeImage(bytes: Buffer, kind: ImageKind): Promise<boolean> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected?.mime === kind.mime && !containsMarkup(bytes);
}

/**
 * 佐证材料的类型白名单: what evidence may be, by the type its bytes showed (contentTypeOf) — office
 * documents (OOXML, ODF, the older CFB formats Word/Excel/PowerPoint/WPS write, RTF, OFD), PDF,
 * images, text, archives and recordings. Programs (exe, ELF, Mach-O, jar, apk, msi …), macro-enabled
 * documents and bytes nobody recognises (application/octet-stream) are refused.
 */
export const EVIDENCE_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'application/rtf',
  'application/ofd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/x-cfb', // .doc .xls .ppt .wps .et — but not an installer, see cfbIsInstaller
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/tiff',
  'image/heic',
  'image/heif',
  'image/avif',
  'text/plain',
  'text/csv',
  'application/zip', // also OFD and other ZIP-based documents file-type names only by their container
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'video/mp4',
  'video/quicktime',
  'video/3gpp',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/amr',
]);

/** Root-storage class ids of Windows Installer files (.msi, .msp, .mst): CFB like a .doc, but programs. */
const INSTALLER_CLSIDS = new Set(['000c1084', '000c1086', '000c1082']);

/**
 * A CFB container whose root entry names the Windows Installer class. The root directory entry is
 * the first of the directory sector the header points at (offset 0x30); its class id sits 0x50 in.
 */
export function cfbIsInstaller(bytes: Buffer): boolean {
  if (bytes.length < 512) return false;
  const sectorSize = 2 ** bytes.readUInt16LE(0x1e);
  const directory = (bytes.readUInt32LE(0x30) + 1) * sectorSize;
  if (sectorSize < 128 || directory + 0x60 > bytes.length) return false;
  const clsid = bytes
    .readUInt32LE(directory + 0x50)
    .toString(16)
    .padStart(8, '0');
  return INSTALLER_CLSIDS.has(clsid);
}

/** 415 unless `mime` (the type contentTypeOf found) is on the evidence list; an installer dressed as CFB is refused too. */
export function assertEvidenceType(mime: string, bytes: Buffer, lang: Lang): void {
  if (EVIDENCE_TYPES.has(mime) && !(mime === 'application/x-cfb' && cfbIsInstaller(bytes))) return;
  const actual = mime === GENERIC_MIME ? (lang === 'en-US' ? 'unrecognised binary' : '无法识别的二进制内容') : mime;
  throw new DomainError('file_type_not_allowed', 415, { actual }, [
    { path: 'body.file', message: lang === 'en-US' ? `not accepted as evidence: ${actual}` : `不接受此类文件：${actual}` },
  ]);
}
