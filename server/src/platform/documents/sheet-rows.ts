import { ElementScanner } from './element-scanner.ts';
import { entryString, entryText, zipEntries } from './zip-entries.ts';
import { fileTooLarge, notXlsx, Refusal, unpacksTooLarge, type XlsxLimits } from './xlsx-limits.ts';
import { attributes, child, columnOf, dateStyles, decodeText, elements, rowOf, runText, serialDate } from './sheet-xml.ts';
import { sharedStrings, workbookParts } from './workbook-parts.ts';

/**
 * The rows of one worksheet, read as the archive inflates: the sheet's XML is never whole in
 * memory, every limit is counted as it goes, and the read stops at the first one crossed. Runs in
 * the import worker (read-in-worker.ts); pure, so tests can run it in process too.
 */

export type SheetRow<K extends string> = Record<K, string> & { row: number };

export type ReadSpec<K extends string> = {
  /** key → header text; a header cell matches without its note in brackets or trailing `*` ("部门（完整路径）", "姓名*") */
  columns: Record<K, string>;
  /** keys whose column must be present */
  required: readonly NoInfer<K>[];
  maxRows: number;
  /**
   * line: one line of text — control characters, line breaks too, become a space (PostgreSQL cannot store NUL).
   * prose: line breaks kept, other control characters dropped.
   * A date (a number in a date format) reads as YYYY-MM-DD either way.
   */
  text: 'line' | 'prose';
};

const TEXT: Record<ReadSpec<string>['text'], (s: string) => string> = {
  line: (s) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim(),
  prose: (s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim(),
};

const columnName = (text: string) =>
  text
    .trim()
    .replace(/[（(].*$/, '')
    .replace(/\*+$/, '')
    .trim();

const SHEET_DATA_END = /<\/(?:[\w.-]+:)?sheetData>/;
const MERGES_END = /<\/(?:[\w.-]+:)?(?:mergeCells|worksheet)>/;
const CELL = elements('c');
/** one row's XML held while its end has not arrived: far beyond 16384 cells of text */
const MAX_ROW_XML = 16 * 1024 * 1024;

/** Where each key's column is (undefined: not in the sheet), and the column numbers worth reading. */
type Columns<K extends string> = { byKey: [K, number | undefined][]; wanted: Set<number> };

/** The header row's cells by column → the columns of the keys; refused when a required one is missing. */
function headerColumns<K extends string>(spec: ReadSpec<K>, header: Map<number, string>): Columns<K> {
  const byName = new Map<string, number>();
  for (const [n, text] of header) byName.set(columnName(text), n);
  const missing = spec.required.map((k) => spec.columns[k]).filter((name) => !byName.has(name));
  if (missing.length) throw new Refusal('import_missing_columns', 400, { columns: missing.join('、') });
  const byKey = (Object.entries(spec.columns) as [K, string][]).map(([k, name]): [K, number | undefined] => [k, byName.get(name)]);
  return { byKey, wanted: new Set(byKey.flatMap(([, c]) => (c ? [c] : []))) };
}

/** What a cell's text needs from the rest of the workbook. */
type Book = { strings: string[]; dates: Set<number>; date1904: boolean };

/** A cell's text as Excel shows it, by its type (`t`): shared or inline string, formula result, boolean, error, date or number. */
function cellText(a: Record<string, string>, content: string, book: Book): string {
  if (a.t === 'inlineStr') return runText(child(content, 'is') ?? '');
  const v = child(content, 'v');
  if (v === null) return '';
  const raw = decodeText(v);
  switch (a.t) {
    case 's':
      return book.strings[Number(raw)] ?? '';
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return raw === '1' || raw === 'true' ? 'true' : 'false';
    case 'd':
      return raw.slice(0, 10);
    default: {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n)) return raw;
      if (a.s !== undefined && book.dates.has(Number(a.s))) return serialDate(n, book.date1904) ?? String(n);
      return String(n);
    }
  }
}

export async function readRows<K extends string>(
  bytes: Buffer,
  spec: ReadSpec<K>,
  limits: XlsxLimits,
  onProgress: (rows: number) => void = () => {},
): Promise<SheetRow<K>[]> {
  if (bytes.length > limits.fileBytes) throw fileTooLarge(limits);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  const entries = zipEntries(bytes, limits);
  const budget = { left: limits.unpackedBytes };
  const tooLarge = () => unpacksTooLarge(limits);
  const parts = await workbookParts(bytes, entries, budget, limits);
  const strings = parts.sharedStrings ? await sharedStrings(bytes, parts.sharedStrings, budget, limits) : [];
  const dates = parts.styles ? dateStyles(await entryString(bytes, parts.styles, budget, tooLarge)) : new Set<number>();

  const book: Book = { strings, dates, date1904: parts.date1904 };

  const text = TEXT[spec.text];
  let columns: Columns<K> | null = null; // known once the header row (row 1) is read
  const byRow = new Map<number, SheetRow<K>>();
  const rows: SheetRow<K>[] = [];
  let cells = 0;
  let lastRow = 0;

  const onRow = (attrSource: string, content: string) => {
    const n = Number(attributes(attrSource).r) || lastRow + 1;
    lastRow = n;
    const found = new Map<number, string>();
    let column = 0;
    for (const m of content.matchAll(CELL)) {
      cells += 1;
      if (cells > limits.cells) throw new Refusal('import_too_many_cells', 400, { max: limits.cells });
      const a = attributes(m[1]!);
      column = a.r ? columnOf(a.r) : column + 1;
      if (column > limits.columns) throw new Refusal('import_too_many_columns', 400, { max: limits.columns });
      if (n === 1 || columns?.wanted.has(column)) found.set(column, cellText(a, m[2] ?? '', book));
    }
    if (n === 1) {
      columns = headerColumns(spec, found);
      return;
    }
    columns ??= headerColumns(spec, new Map()); // no row 1: every required column is missing
    const values = { row: n } as SheetRow<K>;
    let blank = true;
    for (const [key, c] of columns.byKey) {
      const value = c ? text(found.get(c) ?? '') : '';
      (values as Record<K, string>)[key] = value;
      if (value) blank = false;
    }
    if (blank || byRow.has(n)) return;
    rows.push(values);
    byRow.set(n, values);
    if (rows.length > spec.maxRows) throw new Refusal('import_too_many_rows', 400, { max: spec.maxRows, count: rows.length });
    if (rows.length % 250 === 0) onProgress(rows.length);
  };

  // merged ranges (合并单元格) whose first cell is a data cell of a column read, one per first cell
  const merges = new Map<string, string>();
  const onMerge = (attrSource: string) => {
    const ref = attributes(attrSource).ref ?? '';
    const from = ref.split(':')[0]!;
    const column = columnOf(from);
    if (rowOf(from) < 2 || !columns?.wanted.has(column)) return;
    merges.set(from, ref);
    if (merges.size > limits.cells) throw new Refusal('import_too_many_cells', 400, { max: limits.cells });
  };

  const rowScan = new ElementScanner('row', MAX_ROW_XML, () => new Refusal('import_too_many_columns', 400, { max: limits.columns }));
  let mergeScan: ElementScanner | null = null;
  read: for await (const chunk of entryText(bytes, parts.sheet, budget, tooLarge)) {
    if (!mergeScan) {
      rowScan.push(chunk);
      for (let el = rowScan.next(SHEET_DATA_END); el; el = rowScan.next(SHEET_DATA_END)) {
        if (el !== 'stop') {
          onRow(el.attrs, el.content);
          continue;
        }
        // after the rows come the merged ranges, then parts an import has no use for
        mergeScan = new ElementScanner('mergeCell', 64 * 1024, () => notXlsx());
        mergeScan.push(rowScan.rest);
        break;
      }
      if (!mergeScan) continue;
    } else mergeScan.push(chunk);
    for (let el = mergeScan.next(MERGES_END); el; el = mergeScan.next(MERGES_END)) {
      if (el === 'stop') break read;
      onMerge(el.attrs);
    }
  }
  fillMerged([...merges.values()], byRow, columns ?? headerColumns(spec, new Map()));
  onProgress(rows.length);
  return rows.sort((a, b) => a.row - b.row);
}

/**
 * A merged range shows its first cell's value in every cell it covers, as Excel (and ExcelJS)
 * do: a 部门 merged down five rows belongs to each of them. Only rows that hold text themselves are
 * kept, so a row whose only content is a merged cell stays skipped.
 */
function fillMerged<K extends string>(merges: string[], byRow: Map<number, SheetRow<K>>, columns: Columns<K>) {
  const keyAt = new Map(columns.byKey.flatMap(([k, c]): [number, K][] => (c ? [[c, k]] : [])));
  const rowNumbers = [...byRow.keys()];
  for (const ref of merges) {
    const [from = '', to = from] = ref.split(':');
    const [c1, r1, c2, r2] = [columnOf(from), rowOf(from), columnOf(to), rowOf(to)];
    const master = byRow.get(r1);
    if (!master || r1 < 2 || r2 < r1 || c2 < c1) continue;
    const covered = r2 - r1 < rowNumbers.length ? range(r1, r2) : rowNumbers.filter((n) => n >= r1 && n <= r2);
    for (const [c, key] of keyAt) {
      if (c < c1 || c > c2) continue;
      const masterKey = keyAt.get(c1);
      const value = masterKey ? master[masterKey] : '';
      if (!value) continue;
      for (const n of covered) {
        const row = byRow.get(n);
        if (row && !(n === r1 && c === c1) && !row[key]) (row as Record<K, string>)[key] = value;
      }
    }
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
