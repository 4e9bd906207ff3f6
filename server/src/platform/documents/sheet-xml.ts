/**
 * The little of SpreadsheetML (ECMA-376) an import needs, read with a handful of patterns instead
 * of a document model: element names may carry a namespace prefix (`x:row`), as some producers write.
 */

const P = '(?:[\\w.-]+:)?';

/** `<tag …>…</tag>` or `<tag …/>`, prefix allowed; group 1 attributes, group 2 content. */
export const elements = (tag: string) => new RegExp(`<${P}${tag}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${P}${tag}>)`, 'g');

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Excel writes a control character as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

const fromCode = (code: number) => (code <= 0x10ffff ? String.fromCodePoint(code) : '');

export const decodeText = (s: string) =>
  s
    .replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(ENTITY, (_, dec?: string, hex?: string, name?: string) =>
      dec ? fromCode(Number(dec)) : hex ? fromCode(parseInt(hex, 16)) : NAMED[name!]!,
    );

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes by local name (`r:id` → `id`), decoded. */
export function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE)) out[m[1]!.replace(/^.*:/, '')] = decodeText(m[2] ?? m[3] ?? '');
  return out;
}

const TEXT_RUN = elements('t');
const PHONETIC = new RegExp(`<${P}rPh[\\s>][\\s\\S]*?</${P}rPh>`, 'g');

/** The text of a string item (`<si>`, `<is>`): its runs joined, phonetic guides (ruby) left out. */
export const runText = (content: string) => {
  let text = '';
  for (const m of content.replace(PHONETIC, '').matchAll(TEXT_RUN)) text += decodeText(m[2] ?? '');
  return text;
};

/** The first `<tag>` content inside `content`, or null. */
export function child(content: string, tag: string): string | null {
  const m = elements(tag).exec(content);
  return m ? (m[2] ?? '') : null;
}

/** "AB12" → column 28; a reference without letters → 0. */
export function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > 1e6) break; // already past any limit; stop before the number itself grows
  }
  return n;
}

export const rowOf = (ref: string) => Number(ref.replace(/^[A-Z]+/, '')) || 0;

export const usesDate1904 = (xml: string) => {
  const pr = elements('workbookPr').exec(xml);
  return !!pr && /^(1|true)$/.test(attributes(pr[1]!).date1904 ?? '');
};

// built-in number formats that show a date or time (ECMA-376 18.8.30, and the CJK ones)
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A format code that shows a date: y m d h s outside quoted text and [brackets] (as ExcelJS decides). */
const isDateCode = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** The style indexes (`<c s="…">`) whose number format is a date. */
export function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(elements('numFmt'))) {
    const a = attributes(m[1]!);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const out = new Set<number>();
  const cellXfs = child(xml, 'cellXfs') ?? '';
  let index = 0;
  for (const m of cellXfs.matchAll(elements('xf'))) {
    const id = Number(attributes(m[1]!).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateCode(code) : DATE_FORMAT_IDS.has(id)) out.add(index);
    index += 1;
  }
  return out;
}

/** An Excel serial day as YYYY-MM-DD (the 1900 system, or 1904 when the workbook says so). */
export function serialDate(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}
