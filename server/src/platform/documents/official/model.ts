/**
 * 公文: one model of an official document, from which the DOCX (GB/T 9704-2012), the XLSX of its
 * tables and the preview are rendered. Modules (通报、调度、小结、典型经验) build one of these and
 * never lay out a page themselves.
 */

/** A table cell: numbers stay numbers in the XLSX; null prints empty. */
export type OfficialCell = string | number | null;

/** 一、 a first-level heading (黑体); the renderer numbers it. */
export type Heading1Block = { kind: 'heading1'; text: string };
/** （一） a second-level heading (楷体); numbered within its first-level heading. `runIn` continues the line in 仿宋 body text. */
export type Heading2Block = { kind: 'heading2'; text: string; runIn?: string };
/** 正文段落: indented two characters. */
export type ParagraphBlock = { kind: 'paragraph'; text: string };
/** 表格: a caption, zh-CN column headers and rows of the same width. */
export type TableBlock = { kind: 'table'; caption: string; columns: string[]; rows: OfficialCell[][] };

export type OfficialBlock = Heading1Block | Heading2Block | ParagraphBlock | TableBlock;

export type OfficialDocument = {
  /** 发文机关: the issuing organ's full name, signed under the body (发文机关署名). */
  organ: string;
  /** 发文机关标志: what the red header says, e.g. `…办公室文件`; the organ's name when absent. */
  organMark?: string;
  /** 发文字号, already formatted: formatDocumentNumber() in modules/document-numbers, e.g. 赣新勤廉〔2026〕3号. */
  number?: string;
  /** 标题 */
  title: string;
  /** 成文日期, a calendar date YYYY-MM-DD (printed 2026年12月7日). */
  date: string;
  /** 主送机关, printed after the title, ending with a full-width colon. */
  recipients?: string[];
  /** 正文 */
  body: OfficialBlock[];
  /** 附件说明: the attachments' names, in order. */
  attachments?: string[];
};
