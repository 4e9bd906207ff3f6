import { beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocx } from './docx.ts';
import type { OfficialDocument } from './model.ts';
import { SAMPLE_BULLETIN, SAMPLE_NUMBER, SAMPLE_TITLE, zipParts } from './official.test-support.ts';

/** The DOCX read back as XML: what Word, WPS and LibreOffice will lay out. */

const paragraphsOf = (xml: string) => xml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? [];
const runsOf = (xml: string) => xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const attr = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];
/** the paragraph whose text is exactly `text` */
const paragraph = (xml: string, text: string) => {
  const found = paragraphsOf(xml).filter((p) => textOf(p) === text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};
const fontOf = (p: string) => attr(p, 'w:rFonts', 'w:eastAsia');
const sizeOf = (p: string) => attr(p, 'w:sz', 'w:val');

describe('an official document as DOCX (GB/T 9704-2012)', () => {
  let parts: Map<string, string>;
  let body: string;

  beforeAll(async () => {
    parts = await zipParts(await renderOfficialDocx(SAMPLE_BULLETIN));
    body = parts.get('word/document.xml')!;
  });

  it('is A4 with the standard’s margins, a 156 × 225 mm block and a grid of 22 lines', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(body)![0];
    expect(attr(sect, 'w:pgSz', 'w:w')).toBe('11906'); // 210 mm
    expect(attr(sect, 'w:pgSz', 'w:h')).toBe('16838'); // 297 mm
    const margin = (side: string) => Number(attr(sect, 'w:pgMar', `w:${side}`));
    expect([margin('top'), margin('bottom'), margin('left'), margin('right')]).toEqual([2098, 1984, 1587, 1474]); // 37 35 28 26 mm
    const mmOf = (twips: number) => (twips * 25.4) / 1440;
    expect(mmOf(11906 - margin('left') - margin('right'))).toBeCloseTo(156, 0);
    expect(mmOf(16838 - margin('top') - margin('bottom'))).toBeCloseTo(225, 0);
    // 22 × 579 fits the block, 22 × 580 would not
    expect(attr(sect, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(attr(sect, 'w:docGrid', 'w:charSpace')).toBe('-842');
    expect(attr(sect, 'w:docGrid', 'w:type')).toBe('lines');
  });

  it('sets every 16 pt run 0.25 pt tight, so 28 characters fill a line and a 29th does not', () => {
    const sixteen = runsOf(body).filter((r) => sizeOf(r) === '32');
    expect(sixteen.length).toBeGreaterThan(30);
    for (const r of sixteen) expect(attr(r, 'w:spacing', 'w:val'), textOf(r)).toBe('-5');
    const block = 11906 - 1587 - 1474;
    expect(28 * (320 - 5)).toBeLessThanOrEqual(block);
    expect(29 * (320 - 5)).toBeGreaterThan(block);
  });

  it('names the East Asian face on every run, in the body and both footers', () => {
    for (const name of ['word/document.xml', 'word/footer1.xml', 'word/footer2.xml']) {
      const runs = runsOf(parts.get(name)!);
      expect(runs.length, name).toBeGreaterThan(2);
      const bare = runs.filter((r) => !fontOf(r) || fontOf(r) !== attr(r, 'w:rFonts', 'w:ascii'));
      expect(bare, name).toEqual([]);
    }
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(parts.get('word/styles.xml')!)![0];
    expect(attr(defaults, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(defaults, 'w:lang', 'w:eastAsia')).toBe('zh-CN');
  });

  it('prints the red 版头: the organ in red 小标宋, the number centred under it, a red rule under the number', () => {
    const mark = paragraphsOf(body)[0]!;
    expect(textOf(mark)).toBe(SAMPLE_BULLETIN.organ);
    expect(fontOf(mark)).toBe('方正小标宋简体');
    expect(attr(mark, 'w:color', 'w:val')).toBe('FF0000');
    expect(attr(mark, 'w:spacing', 'w:before')).toBe('1984'); // 35 mm under the block's top edge
    const number = paragraph(body, SAMPLE_NUMBER);
    expect(attr(number, 'w:jc', 'w:val')).toBe('center');
    expect(fontOf(number)).toBe('仿宋_GB2312');
    const rule = /<w:pBdr>[\s\S]*?<\/w:pBdr>/.exec(number)![0];
    expect(attr(rule, 'w:bottom', 'w:color')).toBe('FF0000');
    expect(attr(rule, 'w:bottom', 'w:val')).toBe('single');
    expect(attr(rule, 'w:bottom', 'w:space')).toBe('11'); // 4 mm
    // two blank lines between the organ and the number (下空二行)
    const all = paragraphsOf(body);
    expect(all.slice(1, 3).map(textOf)).toEqual(['', '']);
    expect(all[3]).toBe(number);
  });

  it('sets the title in 二号 小标宋 and the body in 三号 仿宋, first-level headings in 黑体, second-level in 楷体', () => {
    const title = paragraph(body, SAMPLE_TITLE);
    expect([fontOf(title), sizeOf(title), attr(title, 'w:jc', 'w:val')]).toEqual(['方正小标宋简体', '44', 'center']);
    expect(paragraph(body, '各部门、各园区、各国有企业：')).toBeTruthy();
    const sentence = paragraph(body, SAMPLE_BULLETIN.body[0]!.kind === 'paragraph' ? SAMPLE_BULLETIN.body[0]!.text : '');
    expect([fontOf(sentence), sizeOf(sentence), attr(sentence, 'w:ind', 'w:firstLineChars')]).toEqual(['仿宋_GB2312', '32', '200']);
    expect(attr(sentence, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(sentence, 'w:spacing', 'w:lineRule')).toBe('exact');
    for (const [text, face] of [
      ['一、总体情况', '黑体'],
      ['二、存在的问题', '黑体'],
      ['三、下一步工作要求', '黑体'],
      ['（二）排名情况', '楷体_GB2312'],
    ]) {
      expect(fontOf(paragraph(body, text!)), text).toBe(face);
    }
    const runIn = paragraph(body, '（一）任务推进。六大工程20条具体举措全部分解到部门和岗位。');
    expect(runsOf(runIn).map(fontOf)).toEqual(['楷体_GB2312', '仿宋_GB2312']);
  });

  it('draws the tables as wide as the block, the header row repeated, the figures in the cells', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(body)![0];
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(6);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
    expect(table).toContain('<w:tblHeader/>');
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!.map((r) => (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf));
    expect(rows[0]).toEqual(['排名', '部门', '按期办结率', '办结率', '红色预警', '退回销号']);
    expect(rows[4]).toEqual(['4', '自然资源和规划建设局', '88.1%', '90.0%', '5', '3']);
    expect(paragraph(body, '表1  各部门任务办理情况排名')).toContain('<w:keepNext/>');
  });

  it('ends with the attachments, the organ’s name 右空二字 and the date in Arabic numerals two cells further right', () => {
    expect(paragraph(body, '附件：1.逾期事项清单')).toBeTruthy();
    expect(paragraph(body, '2.领导批示意见')).toBeTruthy();
    const all = paragraphsOf(body);
    const [organ, date] = all.slice(-2);
    expect(textOf(organ!)).toBe(SAMPLE_BULLETIN.organ);
    expect(textOf(date!)).toBe('2026年10月9日');
    expect([attr(organ!, 'w:jc', 'w:val'), attr(date!, 'w:jc', 'w:val')]).toEqual(['right', 'right']);
    const cell = (11906 - 1587 - 1474) / 28;
    expect(Number(attr(organ!, 'w:ind', 'w:right'))).toBe(Math.round(2 * cell));
    // 17 cells of name, 6.5 of date: the date ends 17 − 6.5 = 10.5 cells from the right
    expect(Number(attr(date!, 'w:ind', 'w:right'))).toBe(Math.round(10.5 * cell));
  });

  it('numbers the pages "— 1 —" in 四号 宋体, odd pages on the right and even pages on the left', () => {
    expect(parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(body)![1];
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
      return parts.get(`word/${target}`)!;
    };
    for (const [type, side, indent] of [
      ['default', 'right', 'w:right'],
      ['even', 'left', 'w:left'],
    ] as const) {
      const xml = footer(type);
      expect(attr(xml, 'w:jc', 'w:val'), type).toBe(side);
      expect(attr(xml, 'w:ind', indent), type).toBe('280'); // 空一字 of 四号
      expect(textOf(xml)).toBe('—  —');
      expect(xml).toMatch(
        /<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/,
      );
      expect(runsOf(xml).every((r) => fontOf(r) === '宋体' && sizeOf(r) === '28')).toBe(true);
    }
    // 7 mm under the block to the dash line: the footer's 14 pt line sits 35 − 7 mm − 14 pt from the page's foot
    expect(attr(body, 'w:pgMar', 'w:footer')).toBe(String(1984 - 397 - 280));
  });
});

describe('an official document without a number', () => {
  const doc: OfficialDocument = {
    organ: '勤廉办',
    title: '调度会议纪要',
    date: '2026-12-07',
    body: [{ kind: 'paragraph', text: '会议研究了三件事。' }],
  };

  it('draws the red rule under the organ’s name and signs with the short name pushed left by the longer date', async () => {
    const body = (await zipParts(await renderOfficialDocx(doc))).get('word/document.xml')!;
    const mark = paragraphsOf(body)[0]!;
    expect(textOf(mark)).toBe('勤廉办');
    expect(attr(mark, 'w:bottom', 'w:color')).toBe('FF0000');
    expect(body).not.toContain('〔');
    const [organ, date] = paragraphsOf(body).slice(-2);
    const cell = (11906 - 1587 - 1474) / 28;
    // the date (6.5 cells) 右空二字; the name (3 cells) starts two cells left of it
    expect(Number(attr(date!, 'w:ind', 'w:right'))).toBe(Math.round(2 * cell));
    expect(Number(attr(organ!, 'w:ind', 'w:right'))).toBe(Math.round(7.5 * cell));
  });

  it('refuses a table whose rows are narrower than its columns, naming it', async () => {
    const crooked: OfficialDocument = { ...doc, body: [{ kind: 'table', caption: '表1', columns: ['部门', '得分'], rows: [['甲']] }] };
    await expect(renderOfficialDocx(crooked)).rejects.toThrow('table “表1”: row 1 has 1 cells for 2 columns');
  });
});
