/**
 * 党政机关公文格式 GB/T 9704-2012: the values the DOCX takes from the standard, each beside the
 * clause it comes from. Lengths are twips (1/20 pt) unless named otherwise; sizes are points.
 */

/** twips in a millimetre length, rounded */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** 5.1 幅面尺寸: A4, 210 mm × 297 mm. */
export const PAGE = { width: 11906, height: 16838 } as const;

/**
 * 5.2.1 页边与版心尺寸: 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm — so the bottom margin is
 * 297 − 37 − 225 = 35 mm and the right one 210 − 28 − 156 = 26 mm.
 */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 8845 ≈ 156 mm
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom; // 12756 ≈ 225 mm

/** 5.2.3 行数和字数: 一般每面排22行，每行排28个字，并撑满版心. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 5.2.2 字体和字号: 各要素一般用3号仿宋体字 — 三号 is 16 pt; the grid's pitch is measured against it. */
export const BODY_SIZE = 16;

/** The document grid's line pitch: 22 lines fill the 225 mm block without a 23rd (579 twips ≈ 28.95 pt). */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);
/** One character of the 28, in twips (≈ 15.79 pt): 28 of them fill the 156 mm block. */
export const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;
/**
 * 16 pt characters are 0.21 pt too wide for 28 a line, so every 16 pt run is set 0.25 pt tighter
 * (w:spacing in 1/20 pt, rounded down to −5): 28 × 15.75 pt fit the line, a 29th does not.
 */
export const CHAR_TRACKING = Math.floor(CHAR_PITCH - BODY_SIZE * 20);
/**
 * w:docGrid/@w:charSpace for a grid of 28 characters: how much narrower than the 16 pt body font a
 * cell is, in 1/4096 pt (ECMA-376 17.6.5), rounded down (−842). The grid is written as `lines` (22 a
 * page), which Word, WPS and LibreOffice lay out alike; in `linesAndChars` LibreOffice (7.4) gives
 * every 16 pt character two of these 15.79 pt cells and prints about 16 characters a line. So the
 * value is kept for Word's page-setup dialog, and the tracking above makes the 28.
 */
export const CHAR_SPACE = Math.floor((CHAR_PITCH / 20 - BODY_SIZE) * 4096);

/** 7.2.4 / 7.2.7: 红色 — the 发文机关标志 and the 分隔线 under the 发文字号. */
export const RED = 'FF0000';

/** The faces the standard names (推荐使用小标宋体字; 仿宋; 黑体 / 楷体 for the first two levels of headings; 宋体 page numbers). */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;
export type FontKey = keyof typeof FONT;

/** Sizes in points: 二号 22 (7.3.1 标题), 三号 16 (body), 四号 14 (7.5 页码). */
export const SIZE = { title: 22, body: BODY_SIZE, pageNumber: 14, table: 12 } as const;

/**
 * 7.2.4 发文机关标志: 上边缘至版心上边缘为35 mm. The standard sets no size for it (醒目、美观、庄重);
 * it is set as large as 42 pt and shrunk so that the name fits on one line of the block.
 */
export const ORGAN_MARK_GAP = mm(35);
export const ORGAN_MARK_MAX_SIZE = 42;

/** 7.2.7 版头中的分隔线: 发文字号之下4 mm处 (a border's distance is whole points: 4 mm ≈ 11 pt). Its weight is not set by the standard: 1.5 pt. */
export const RULE_GAP_PT = 11;
export const RULE_EIGHTHS = 12;

/**
 * 7.5 页码: 4号半角宋体阿拉伯数字, 数字左右各放一条一字线, 一字线上距版心下边缘7 mm, 单页码居右空一字,
 * 双页码居左空一字. The footer's line is 14 pt high, so its bottom sits 7 mm + 14 pt under the block.
 */
export const PAGE_NUMBER_LINE = SIZE.pageNumber * 20;
export const FOOTER_DISTANCE = MARGIN.bottom - mm(7) - PAGE_NUMBER_LINE;
