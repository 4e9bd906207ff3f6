import type { OfficialBlock, OfficialDocument, TableBlock } from './model.ts';

/**
 * What every rendering of an official document shares, worked out once from the model: the
 * headings' numbers, the date as printed, the attachment lines and where the signature sits.
 * The DOCX, the preview and the XLSX only dress these up.
 */

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; past 99 the Arabic number (no document has that many headings). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * 成文日期 as GB/T 9704-2012 7.3.5.4 prints it: 用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位
 * — 2026-03-07 → 2026年3月7日.
 */
export function officialDate(date: string): string {
  const m = CALENDAR_DATE.exec(date);
  if (!m) throw new Error(`officialDate: not a YYYY-MM-DD date: ${date}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A body block with its heading number: 一、 for the first level, （一） for the second (GB/T 9704-2012 7.3.3). */
export type LaidOutBlock =
  | { kind: 'heading1'; label: string; text: string }
  | { kind: 'heading2'; label: string; text: string; runIn?: string }
  | Exclude<OfficialBlock, { kind: 'heading1' | 'heading2' }>;

/** The body with its headings numbered; second-level numbers start again under each first-level heading. */
export function numberedBody(body: readonly OfficialBlock[]): LaidOutBlock[] {
  let first = 0;
  let second = 0;
  return body.map((block) => {
    if (block.kind === 'heading1') {
      first += 1;
      second = 0;
      return { ...block, label: `${chineseNumeral(first)}、` };
    }
    if (block.kind === 'heading2') {
      second += 1;
      return { ...block, label: `（${chineseNumeral(second)}）` };
    }
    if (block.kind === 'table') assertRectangular(block);
    return block;
  });
}

/** A table whose rows are not as wide as its columns is a caller's mistake: said at once, not drawn crooked. */
function assertRectangular(table: TableBlock) {
  const bad = table.rows.findIndex((r) => r.length !== table.columns.length);
  if (bad >= 0) {
    throw new Error(`table “${table.caption}”: row ${bad + 1} has ${table.rows[bad]!.length} cells for ${table.columns.length} columns`);
  }
}

/** The tables of a document, in order. */
export const tablesOf = (doc: OfficialDocument): TableBlock[] =>
  doc.body.filter((b): b is TableBlock => b.kind === 'table').map((t) => (assertRectangular(t), t));

/**
 * 附件说明 (7.3.4): 附件：名称 for one; 附件：1.名称, then 2.名称 … under the first number for several.
 * `lead` is what stands before the name on its line.
 */
export function attachmentLines(attachments: readonly string[] = []): { lead: string; name: string }[] {
  if (attachments.length === 1) return [{ lead: '附件：', name: attachments[0]! }];
  return attachments.map((name, i) => ({ lead: `${i === 0 ? '附件：' : ''}${i + 1}.`, name }));
}

/** Width in character cells: CJK characters take one, half-width (ASCII) ones half — the date's Arabic digits (半角). */
export const cellsOf = (text: string) => [...text].reduce((sum, ch) => sum + (ch.codePointAt(0)! < 0x80 ? 0.5 : 1), 0);

/**
 * 发文机关署名 and 成文日期 of a document without a seal (7.3.5.2): the organ's name 右空二字; the date
 * on the next line, its first character two cells right of the name's; a date longer than that
 * goes 右空二字 itself and pushes the name left. The indents are counted in cells from the right.
 */
export function signatureOf(doc: Pick<OfficialDocument, 'organ' | 'date'>) {
  const date = officialDate(doc.date);
  const organWidth = cellsOf(doc.organ);
  const dateWidth = cellsOf(date);
  const dateIndent = Math.max(2, organWidth - dateWidth);
  const organIndent = Math.max(2, dateIndent + dateWidth + 2 - organWidth);
  return { organ: doc.organ, date, organIndent, dateIndent };
}
