import ExcelJS from 'exceljs';
import { detailMessage, type Lang } from '@qinlian/contracts';
import { DomainError } from '../errors.ts';
import { looksLikeZip } from '../files/files.ts';
import { readRowsInWorker } from './read-in-worker.ts';
import { readRows, type ReadSpec, type SheetRow } from './sheet-rows.ts';
import { DEFAULT_XLSX_LIMITS, fileTooLarge, Refusal, type XlsxLimits } from './xlsx-limits.ts';
import { zipEntries } from './zip-entries.ts';

/** Tables as XLSX, written in one house style and read back by header name (sheet-rows.ts); modules keep only their columns. */

export type Cell = string | number | null | undefined;

export type Column = {
  header: string;
  width: number;
  /** Stored as text, so a phone number keeps its leading zero and never turns into 1.38E+10. */
  text?: boolean;
  /** A drop-down of these values (数据验证), blank allowed. */
  choices?: readonly string[];
  /** A background colour (ARGB) chosen by the cell's value, e.g. the red / yellow / blue of 预警. */
  fill?: (value: Cell) => string | undefined;
};

/** A table: styled header row, then `rows`, then `blankRows` empty rows formatted like data (an import template). */
export type TableSheet = { name: string; columns: readonly Column[]; rows: Iterable<readonly Cell[]>; blankRows?: number };
/** Free text in columns of the given widths (说明); the first row is its heading. */
export type NotesSheet = { name: string; widths: readonly number[]; notes: readonly (readonly string[])[] };

const CREATOR = '勤廉 Qinlian';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Bold, shaded, bordered header; frozen; filterable. */
function addTable(wb: ExcelJS.Workbook, t: TableSheet) {
  const sheet = wb.addWorksheet(t.name);
  sheet.columns = t.columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { bold: true, name: '黑体' };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9C1' } } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };

  // only the cells a column formats are touched: an untouched cell stays absent from the file
  const formatCells = (row: ExcelJS.Row, values: readonly Cell[]) =>
    t.columns.forEach((c, i) => {
      if (c.text) row.getCell(i + 1).numFmt = '@';
      if (c.choices) row.getCell(i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${c.choices.join(',')}"`] };
      const argb = c.fill?.(values[i]);
      if (argb) row.getCell(i + 1).fill = solid(argb);
    });
  for (const values of t.rows) formatCells(sheet.addRow([...values]), values);
  const first = sheet.rowCount + 1;
  for (let n = first; n < first + (t.blankRows ?? 0); n += 1) formatCells(sheet.getRow(n), []);
}

function addNotes(wb: ExcelJS.Workbook, n: NotesSheet) {
  const sheet = wb.addWorksheet(n.name);
  sheet.columns = n.widths.map((width) => ({ width }));
  for (const line of n.notes) sheet.addRow([...line]);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = HEADER_FILL;
}

/** One workbook of tables and notes, in order. */
export async function writeWorkbook(sheets: readonly (TableSheet | NotesSheet)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  for (const s of sheets) {
    if ('notes' in s) addNotes(wb, s);
    else addTable(wb, s);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook of one table. */
export const writeSheet = (table: TableSheet) => writeWorkbook([table]);

export type { SheetRow } from './sheet-rows.ts';

export type ReadOptions<K extends string> = ReadSpec<K> & {
  lang: Lang;
  /** the import's limits (xlsxLimitsOf(config)); the defaults otherwise */
  limits?: XlsxLimits;
  /** data rows read so far, now and then while a large file is read */
  onProgress?: (rows: number) => void;
};

/**
 * The data rows of the first sheet that is not 说明, as text by column key with their sheet row
 * numbers; blank rows skipped. A file that is no workbook, a missing column, or a file past any of
 * the limits (too large, too many rows, sheets, cells …) is a 4xx in the caller's language.
 * A workbook that unpacks to a few hundred KB is read here; anything larger in a worker thread.
 */
export async function readSheet<K extends string>(bytes: Buffer, opts: ReadOptions<K>): Promise<SheetRow<K>[]> {
  const { lang, limits = DEFAULT_XLSX_LIMITS, onProgress = () => {}, ...spec } = opts;
  try {
    if (bytes.length > limits.fileBytes) throw fileTooLarge(limits); // before copying it into a worker
    const small = bytes.length <= limits.inProcessBytes && unpackedSize(bytes, limits) <= limits.inProcessBytes;
    return await (small ? readRows(bytes, spec, limits, onProgress) : readRowsInWorker(bytes, spec, limits, onProgress));
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    if (err.detail) {
      const reason = detailMessage(err.detail, lang, err.params);
      throw new DomainError('invalid_file', 400, { reason }, [{ path: 'body.file', message: reason }]);
    }
    throw new DomainError(err.code, err.status, err.params);
  }
}

/** What the archive's parts say they unpack to (a Refusal when that is already too much). */
const unpackedSize = (bytes: Buffer, limits: XlsxLimits) =>
  looksLikeZip(bytes) ? zipEntries(bytes, limits).reduce((sum, e) => sum + e.size, 0) : 0;
