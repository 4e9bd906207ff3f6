import ExcelJS from 'exceljs';
import { detailMessage, type DetailCode, type Lang } from '@qinlian/contracts';
import { DomainError } from '../errors.ts';
import { looksLikeZip } from '../files/files.ts';

/** Tables as XLSX, written in one house style and read back by header name; modules keep only their columns. */

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

export type SheetRow<K extends string> = Record<K, string> & { row: number };

export type ReadOptions<K extends string> = {
  lang: Lang;
  /** key → header text; a header cell matches without its note in brackets or trailing `*` ("部门（完整路径）", "姓名*") */
  columns: Record<K, string>;
  /** keys whose column must be present */
  required: readonly NoInfer<K>[];
  maxRows: number;
  /**
   * line: one line of text — control characters, line breaks too, become a space (PostgreSQL cannot store NUL).
   * prose: line breaks kept, other control characters dropped; a date, a real Excel date too, as YYYY-MM-DD.
   */
  text: 'line' | 'prose';
};

const invalidFile = (lang: Lang, code: DetailCode) =>
  new DomainError('invalid_file', 400, { reason: detailMessage(code, lang) }, [{ path: 'body.file', message: detailMessage(code, lang) }]);

const columnName = (text: string) =>
  text
    .trim()
    .replace(/[（(].*$/, '')
    .replace(/\*+$/, '')
    .trim();

const CELL_TEXT: Record<ReadOptions<string>['text'], (cell: ExcelJS.Cell) => string> = {
  line: (cell) =>
    String(cell.text ?? '')
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .trim(),
  prose: (cell) => {
    const v = cell.value;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(cell.text ?? '')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .trim();
  },
};

/**
 * The data rows of the first sheet that is not 说明, as text by column key with their sheet row
 * numbers; blank rows skipped. A file that is no workbook, a missing column or too many rows is a 400.
 */
export async function readSheet<K extends string>(bytes: Buffer, opts: ReadOptions<K>): Promise<SheetRow<K>[]> {
  if (!looksLikeZip(bytes)) throw invalidFile(opts.lang, 'file_not_xlsx');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as never);
  } catch {
    throw invalidFile(opts.lang, 'file_not_xlsx');
  }
  const sheet = wb.worksheets.find((w) => w.name !== '说明') ?? wb.worksheets[0];
  if (!sheet) throw invalidFile(opts.lang, 'file_no_sheet');
  const col = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, n) => {
    col.set(columnName(cell.text ?? ''), n);
  });
  const missing = opts.required.map((k) => opts.columns[k]).filter((name) => !col.has(name));
  if (missing.length) throw new DomainError('import_missing_columns', 400, { columns: missing.join('、') });
  const text = CELL_TEXT[opts.text];
  const entries = Object.entries(opts.columns) as [K, string][];
  const rows: SheetRow<K>[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells = { row: n } as SheetRow<K>;
    let blank = true;
    for (const [key, name] of entries) {
      const c = col.get(name);
      const value = c ? text(r.getCell(c)) : '';
      (cells as Record<K, string>)[key] = value;
      if (value) blank = false;
    }
    if (!blank) rows.push(cells);
  });
  if (rows.length > opts.maxRows) throw new DomainError('import_too_many_rows', 400, { max: opts.maxRows, count: rows.length });
  return rows;
}
