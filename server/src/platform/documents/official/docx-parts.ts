import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { CHAR_PITCH, CHAR_TRACKING, FONT, LINE_PITCH, PAGE_NUMBER_LINE, SIZE, TEXT_WIDTH, type FontKey } from './gbt9704.ts';
import { cellsOf } from './layout.ts';
import type { OfficialCell, TableBlock } from './model.ts';

/**
 * The pieces the DOCX is built from. Every run goes through `run`, which names the face for all
 * four slots (w:ascii, w:hAnsi, w:eastAsia, w:cs): WPS and LibreOffice pick the Chinese face by
 * w:eastAsia, and a run without it falls back to whatever their default is.
 */

type RunExtra = Omit<IRunOptions, 'text' | 'font' | 'size' | 'children'>;

/** The face in all four slots, the size, and for 16 pt text the tracking that makes 28 a line. */
const styleOf = (font: FontKey, size: number) => ({
  size: size * 2,
  font: { ascii: FONT[font], hAnsi: FONT[font], eastAsia: FONT[font], cs: FONT[font] },
  ...(size === SIZE.body ? { characterSpacing: CHAR_TRACKING } : {}),
});

export const run = (text: string, font: FontKey, size: number, extra: RunExtra = {}) =>
  new TextRun({ ...extra, ...styleOf(font, size), text });

/** A length of `n` character cells of the grid, in twips. */
export const cells = (n: number) => Math.round(n * CHAR_PITCH);

/** One line of the 22: exact, so that every face and size keeps the page at 22 lines. */
const ON_GRID = { line: LINE_PITCH, lineRule: LineRuleType.EXACT } as const;

type ParagraphExtra = Omit<IParagraphOptions, 'children' | 'text'>;

export const line = (children: TextRun[], extra: ParagraphExtra = {}) =>
  new Paragraph({ ...extra, spacing: { ...ON_GRID, ...extra.spacing }, children });

/** 空一行: an empty line of the grid. */
export const blankLine = () => line([]);

/** 每个自然段左空二字，回行顶格 (7.3.3). */
export const indented = (children: TextRun[], extra: ParagraphExtra = {}) =>
  line(children, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: cells(2), firstLineChars: 200 }, ...extra });

/** A line of text set against the right edge with `indent` cells to spare (署名、日期: 右空二字). */
export const rightSet = (text: string, indent: number) =>
  line([run(text, 'body', SIZE.body)], { alignment: AlignmentType.RIGHT, indent: { right: cells(indent) } });

/** 页码 "— 1 —" (7.5): 单页码居右空一字, 双页码居左空一字; one character here is one of 四号. */
export function pageNumberLine(side: 'odd' | 'even'): Paragraph {
  const font = 'pageNumber';
  const size = SIZE.pageNumber;
  const oneChar = size * 20;
  return new Paragraph({
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
    spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT },
    children: [run('— ', font, size), new TextRun({ ...styleOf(font, size), children: [PageNumber.CURRENT] }), run(' —', font, size)],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
/** a table line: 小四 with a little air */
const TABLE_LINE = { line: SIZE.table * 20 + 120, lineRule: LineRuleType.AT_LEAST } as const;

const cellText = (value: OfficialCell) => (value === null ? '' : String(value));

/** Columns as wide as their longest text (header or cell, capped), sharing the block's width. */
export function columnWidths(table: TableBlock): number[] {
  const wants = table.columns.map((header, i) =>
    Math.min(12, Math.max(2, cellsOf(header), ...table.rows.map((r) => cellsOf(cellText(r[i] ?? null))))),
  );
  const total = wants.reduce((a, b) => a + b, 0);
  const widths = wants.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function tableCell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: TABLE_LINE,
        children: [run(text, header ? 'heading1' : 'body', SIZE.table)],
      }),
    ],
  });
}

/** 表格: its caption in 黑体 over a bordered table as wide as the block, the header row repeated on every page. */
export function tableParts(table: TableBlock): (Paragraph | Table)[] {
  const widths = columnWidths(table);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => tableCell(c, widths[i]!, true)),
  });
  const rows = table.rows.map(
    (r) => new TableRow({ cantSplit: true, children: r.map((v, i) => tableCell(cellText(v), widths[i]!, false)) }),
  );
  return [
    line([run(table.caption, 'heading1', SIZE.body)], { alignment: AlignmentType.CENTER, keepNext: true }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: TABLE_BORDERS,
      rows: [header, ...rows],
    }),
  ];
}
