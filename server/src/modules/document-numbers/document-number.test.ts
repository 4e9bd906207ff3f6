import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, parseDocumentNumber } from './document-number.ts';

describe('发文字号 as text', () => {
  it('is written with 六角括号, the year in full and no leading zeros', () => {
    expect(formatDocumentNumber({ prefix: '赣新勤廉', year: 2026, seq: 3 })).toBe('赣新勤廉〔2026〕3号');
  });

  it('reads what people type: spaces, square or round brackets, full-width digits, 第 and leading zeros', () => {
    const three = { prefix: '赣新勤廉', year: 2026, seq: 3 };
    for (const typed of [
      '赣新勤廉〔2026〕3号',
      ' 赣新勤廉 〔2026〕 3 号 ',
      '赣新勤廉[2026]3号',
      '赣新勤廉［２０２６］３号',
      '赣新勤廉（2026）第03号',
      '赣新勤廉【2026】3号',
    ]) {
      expect(parseDocumentNumber(typed), typed).toEqual(three);
    }
  });

  it('is no number without its prefix, a four-digit year of this century, a number from 1 or the closing 号', () => {
    for (const typed of [
      '〔2026〕3号',
      '赣新勤廉〔26〕3号',
      '赣新勤廉〔1999〕3号',
      '赣新勤廉〔2026〕0号',
      '赣新勤廉〔2026〕3',
      '赣新勤廉2026〕3号',
      '赣新1〔2026〕3号',
      '',
    ]) {
      expect(parseDocumentNumber(typed), typed).toBeNull();
    }
  });
});
