import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile workbooks for tests, built byte by byte: the honest parts of an XLSX, and contents
 * made of a text repeated many times. A repeated text costs its compressed size once — each copy is
 * deflated with a full flush, so the copies can simply be laid one after another — which is how a
 * 3 MB file unpacks to 3 GB. A part may also declare a size it does not have (a lying directory).
 */

/** Text that is `times` copies of `text`; a part's content is a list of them. */
export type Run = { text: string; times?: number };
export type Part = { name: string; content: Run[]; declaredSize?: number };

const FINAL_EMPTY_BLOCK = deflateRawSync(Buffer.alloc(0)); // ends the deflate stream

function deflateRuns(runs: Run[]): { data: Buffer; size: number; crc: number } {
  const pieces: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const { text, times = 1 } of runs) {
    const raw = Buffer.from(text);
    const flushed = deflateRawSync(raw, { finishFlush: constants.Z_FULL_FLUSH, level: times > 1 ? 9 : 1 });
    for (let i = 0; i < times; i += 1) pieces.push(flushed);
    size += raw.length * times;
    // the checksum is only worth its time for parts an honest reader would inflate
    if (size < 64 * 1024 * 1024) for (let i = 0; i < times; i += 1) crc = crc32(raw, crc);
  }
  pieces.push(FINAL_EMPTY_BLOCK);
  return { data: Buffer.concat(pieces), size, crc };
}

/** A ZIP archive of `parts` (deflated), each declaring its real size unless told otherwise. */
export function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const { data, size, crc } = deflateRuns(part.content);
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A header row of inline strings in columns A, B, C … */
export const headerRow = (headers: string[]) =>
  `<row r="1">${headers.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${xmlText(h)}</t></is></c>`).join('')}</row>`;

/**
 * A workbook whose parts are given as runs: `sheet` is the first sheet's rows (inside <sheetData>),
 * `strings` the shared strings' items (inside <sst>); `sheets` more (empty) sheets; `declared`
 * overrides what a part claims to unpack to.
 */
export function workbookOf(opts: {
  sheet: Run[];
  strings?: Run[];
  sheets?: number;
  declared?: Partial<Record<'sheet' | 'strings', number>>;
}): Buffer {
  const count = opts.sheets ?? 1;
  const sheetList = Array.from({ length: count }, (_, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = Array.from(
    { length: count },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  const one = (text: string): Run[] => [{ text }];
  const parts: Part[] = [
    {
      name: '[Content_Types].xml',
      content: one(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      content: one(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/workbook.xml', content: one(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList}</sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: one(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      content: [{ text: `<worksheet xmlns="${MAIN}"><sheetData>` }, ...opts.sheet, { text: '</sheetData></worksheet>' }],
      declaredSize: opts.declared?.sheet,
    },
    {
      name: 'xl/sharedStrings.xml',
      content: [{ text: `<sst xmlns="${MAIN}">` }, ...(opts.strings ?? []), { text: '</sst>' }],
      declaredSize: opts.declared?.strings,
    },
  ];
  for (let i = 2; i <= count; i += 1)
    parts.push({ name: `xl/worksheets/sheet${i}.xml`, content: one(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`) });
  return zipOf(parts);
}

/**
 * Data rows 2 … rows + 1, numbered as Excel numbers them, whose first cell is shared string 0 (a
 * name, say): each one counts. A million is 45 MB of sheet in a 3 MB file.
 */
export function manyRows(rows: number): Run[] {
  const runs: Run[] = [];
  for (let from = 2; from < rows + 2; from += 10_000) {
    let text = '';
    for (let r = from; r < Math.min(from + 10_000, rows + 2); r += 1) text += `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c></row>`;
    runs.push({ text });
  }
  return runs;
}

/** About `bytes` of shared-string items, every one of them the same 30000 characters (a cell holds at most 32767). */
export const manyStrings = (bytes: number): Run => {
  const item = `<si><t>${'x'.repeat(30_000)}</t></si>`.repeat(35);
  return { text: item, times: Math.ceil(bytes / item.length) };
};
