import { writeWorkbook, type TableSheet } from '../xlsx.ts';
import { cellsOf, tablesOf } from './layout.ts';
import type { OfficialDocument, TableBlock } from './model.ts';

/**
 * The tables of an official document as one workbook, a sheet per table in the document's order,
 * named by its caption, headed by its zh-CN column names, in the house style of ../xlsx.ts.
 * Numbers stay numbers, so a reader can sort and add them up.
 */

/** Excel's rules for a sheet's name: at most 31 characters, none of : \ / ? * [ ], no quote at either end. */
const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

/** Sheet names from the captions, made acceptable to Excel and unique (表2（2） for a second 表2). */
export function sheetNames(tables: readonly TableBlock[]): string[] {
  const taken = new Set<string>();
  return tables.map((t, i) => {
    const base =
      t.caption
        .replace(FORBIDDEN, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '') || `表${i + 1}`;
    let name = base.slice(0, SHEET_NAME_MAX);
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
      const suffix = `（${n}）`;
      name = `${base.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A column as wide as its longest text, within reason (Excel widths are about one Latin character; a CJK one takes two). */
const widthOf = (t: TableBlock, i: number) =>
  Math.min(50, Math.max(8, 2 + 2 * Math.max(cellsOf(t.columns[i]!), ...t.rows.map((r) => cellsOf(String(r[i] ?? ''))))));

/** The workbook of the document's tables; null when it has none (offer no XLSX then). */
export async function renderOfficialXlsx(doc: OfficialDocument): Promise<Buffer | null> {
  const tables = tablesOf(doc);
  if (!tables.length) return null;
  const names = sheetNames(tables);
  const sheets: TableSheet[] = tables.map((t, i) => ({
    name: names[i]!,
    columns: t.columns.map((header, c) => ({ header, width: widthOf(t, c) })),
    rows: t.rows,
  }));
  return writeWorkbook(sheets);
}
