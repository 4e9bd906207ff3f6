/**
 * 公文 — official documents in the format of GB/T 9704-2012, from one model: the DOCX to print, the
 * XLSX of its tables, the HTML preview. See docs/official-documents.md.
 */
export type { Heading1Block, Heading2Block, OfficialBlock, OfficialCell, OfficialDocument, ParagraphBlock, TableBlock } from './model.ts';
export { renderOfficialDocx } from './docx.ts';
export { renderOfficialXlsx } from './xlsx.ts';
export { officialPreview } from './preview.ts';
export { chineseNumeral, officialDate } from './layout.ts';
