import { AlignmentType, BorderStyle, Document, DocumentGridType, Footer, Header, LineRuleType, Packer, Paragraph, type Table } from 'docx';
import {
  CHAR_SPACE,
  FONT,
  FOOTER_DISTANCE,
  LINE_PITCH,
  MARGIN,
  ORGAN_MARK_GAP,
  ORGAN_MARK_MAX_SIZE,
  PAGE,
  RED,
  RULE_EIGHTHS,
  RULE_GAP_PT,
  SIZE,
  TEXT_WIDTH,
} from './gbt9704.ts';
import { blankLine, cells, indented, line, pageNumberLine, rightSet, run, tableParts } from './docx-parts.ts';
import { attachmentLines, cellsOf, numberedBody, signatureOf, type LaidOutBlock } from './layout.ts';
import type { OfficialDocument } from './model.ts';

/**
 * 公文 as DOCX in the format of GB/T 9704-2012 (the values and their clauses: gbt9704.ts): the red
 * 版头, the title, 主送机关, the numbered body with its tables, 附件说明, 署名 and 成文日期, and "— 1 —"
 * page numbers on alternate sides. Opens as laid out in Word, WPS and LibreOffice.
 */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const body = numberedBody(doc.body); // checks the tables before anything is built
  const file = new Document({
    creator: doc.organ,
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { size: SIZE.body * 2, font: fontSlots(FONT.body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: MARGIN.top / 2, footer: FOOTER_DISTANCE },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        headers: { default: new Header({ children: [] }), even: new Header({ children: [] }) },
        footers: { default: new Footer({ children: [pageNumberLine('odd')] }), even: new Footer({ children: [pageNumberLine('even')] }) },
        children: [
          ...letterhead(doc),
          ...titleAndRecipients(doc),
          ...body.flatMap(bodyPart),
          ...attachmentParts(doc),
          ...signatureParts(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}

const fontSlots = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** The 发文机关标志's size: as large as ORGAN_MARK_MAX_SIZE, small enough for one line of the block. */
export const organMarkSize = (mark: string) =>
  Math.max(SIZE.title, Math.min(ORGAN_MARK_MAX_SIZE, Math.floor(TEXT_WIDTH / 20 / cellsOf(mark))));

/**
 * 版头 (7.2): the 发文机关标志 in red 小标宋 35 mm below the block's top edge, the 发文字号 centred two
 * lines under it, and the red 分隔线 as wide as the block 4 mm under the number (under the mark when
 * the document has no number).
 */
function letterhead(doc: OfficialDocument): Paragraph[] {
  const mark = doc.organMark ?? doc.organ;
  const size = organMarkSize(mark);
  const rule = { bottom: { style: BorderStyle.SINGLE, size: RULE_EIGHTHS, color: RED, space: RULE_GAP_PT } };
  const markLine = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: ORGAN_MARK_GAP, line: size * 24, lineRule: LineRuleType.EXACT },
    border: doc.number ? undefined : rule,
    children: [run(mark, 'title', size, { color: RED })],
  });
  if (!doc.number) return [markLine];
  return [
    markLine,
    blankLine(),
    blankLine(),
    line([run(doc.number, 'body', SIZE.body)], { alignment: AlignmentType.CENTER, border: rule }),
  ];
}

/** 标题 two lines under the rule (7.3.1), one line per `\n`; 主送机关 a line under it, 顶格, ending with a full-width colon (7.3.2). */
function titleAndRecipients(doc: OfficialDocument): Paragraph[] {
  const titleLines = doc.title.split('\n').map((text) => line([run(text, 'title', SIZE.title)], { alignment: AlignmentType.CENTER }));
  const recipients = doc.recipients?.length ? [line([run(`${doc.recipients.join('、')}：`, 'body', SIZE.body)])] : [];
  return [blankLine(), blankLine(), ...titleLines, blankLine(), ...recipients];
}

/** 正文 (7.3.3): 一、 in 黑体, （一） in 楷体 (its run-in sentence in 仿宋), paragraphs in 仿宋, tables. */
function bodyPart(block: LaidOutBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading1':
      return [indented([run(`${block.label}${block.text}`, 'heading1', SIZE.body)], { keepNext: true, outlineLevel: 0 })];
    case 'heading2': {
      const heading = run(`${block.label}${block.text}`, 'heading2', SIZE.body);
      const runIn = block.runIn ? [run(block.runIn, 'body', SIZE.body)] : [];
      return [indented([heading, ...runIn], { keepNext: !block.runIn, outlineLevel: 1 })];
    }
    case 'paragraph':
      return [indented([run(block.text, 'body', SIZE.body)])];
    case 'table':
      return tableParts(block);
  }
}

/** 附件说明 (7.3.4): a line under the body, 左空二字; the names of several attachments start under one another. */
function attachmentParts(doc: OfficialDocument): Paragraph[] {
  const lines = attachmentLines(doc.attachments);
  if (!lines.length) return [];
  const nameStart = 2 + cellsOf(lines[0]!.lead);
  return [
    blankLine(),
    ...lines.map(({ lead, name }) =>
      line([run(`${lead}${name}`, 'body', SIZE.body)], { indent: { left: cells(nameStart), hanging: cells(cellsOf(lead)) } }),
    ),
  ];
}

/** 发文机关署名 and 成文日期 a line under the body or the attachments (7.3.5.2); where each sits: signatureOf. */
function signatureParts(doc: OfficialDocument): Paragraph[] {
  const s = signatureOf(doc);
  return [blankLine(), rightSet(s.organ, s.organIndent), rightSet(s.date, s.dateIndent)];
}
