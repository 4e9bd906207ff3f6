import { describe, expect, it } from 'vitest';
import { attachmentLines, cellsOf, chineseNumeral, numberedBody, officialDate, signatureOf } from './layout.ts';

describe('what every rendering of an official document shares', () => {
  it('writes heading numbers in Chinese numerals', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 35, 99].map(chineseNumeral)).toEqual([
      '一',
      '二',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '三十五',
      '九十九',
    ]);
    expect(chineseNumeral(100)).toBe('100');
  });

  it('prints the date as GB/T 9704-2012 says: Arabic numerals, the year in full, no leading zeros', () => {
    expect(officialDate('2026-12-07')).toBe('2026年12月7日');
    expect(officialDate('2026-01-10')).toBe('2026年1月10日');
    expect(() => officialDate('2026/12/07')).toThrow('not a YYYY-MM-DD date');
  });

  it('numbers first-level headings through the document and second-level ones afresh under each', () => {
    const laid = numberedBody([
      { kind: 'heading2', text: '引言' },
      { kind: 'heading1', text: '甲' },
      { kind: 'heading2', text: '甲一' },
      { kind: 'paragraph', text: '正文' },
      { kind: 'heading2', text: '甲二' },
      { kind: 'heading1', text: '乙' },
      { kind: 'heading2', text: '乙一' },
    ]);
    expect(laid.map((b) => ('label' in b ? `${b.label}${b.text}` : b.kind === 'paragraph' ? b.text : b.caption))).toEqual([
      '（一）引言',
      '一、甲',
      '（一）甲一',
      '正文',
      '（二）甲二',
      '二、乙',
      '（一）乙一',
    ]);
  });

  it('lines up several attachments under the first number, and writes one without a number', () => {
    expect(attachmentLines(['清单'])).toEqual([{ lead: '附件：', name: '清单' }]);
    expect(attachmentLines(['清单', '意见'])).toEqual([
      { lead: '附件：1.', name: '清单' },
      { lead: '2.', name: '意见' },
    ]);
    expect(attachmentLines()).toEqual([]);
  });

  it('counts half-width characters as half a cell', () => {
    expect(cellsOf('2026年10月9日')).toBe(6.5);
    expect(cellsOf('勤廉办')).toBe(3);
  });

  it('signs 右空二字 with the date two cells right of the name, and pushes a short name left of a long date', () => {
    // 16 cells of name, 6.5 of date
    expect(signatureOf({ organ: '赣江新区勤廉新区建设领导小组', date: '2026-10-09' })).toEqual({
      organ: '赣江新区勤廉新区建设领导小组',
      date: '2026年10月9日',
      organIndent: 2,
      dateIndent: 7.5,
    });
    // 5 cells of name: the date goes 右空二字 and the name starts two cells left of it
    expect(signatureOf({ organ: '勤廉办公室', date: '2026-10-09' })).toMatchObject({ dateIndent: 2, organIndent: 5.5 });
  });
});
