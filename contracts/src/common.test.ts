import { describe, expect, it } from 'vitest';
import { line, prose } from './common.ts';

describe('line: one line of text', () => {
  const name = line(1, 5);

  it('trims, and counts length after trimming', () => {
    expect(name.parse('  张三  ')).toBe('张三');
    expect(name.parse(' 12345 ')).toBe('12345');
  });

  it('refuses empty, over-long and control characters, line breaks included', () => {
    expect(name.safeParse('   ').success).toBe(false);
    expect(name.safeParse('123456').success).toBe(false);
    for (const bad of ['张\n三', '张\t三', 'a\u0000b', 'a\u007fb']) {
      const r = name.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('control characters');
    }
  });
});

describe('prose: free text', () => {
  it('trims and keeps line breaks and tabs', () => {
    expect(prose(0, 100).parse('  第一段\n\t第二段  ')).toBe('第一段\n\t第二段');
  });

  it('allows empty only when the minimum is 0', () => {
    expect(prose(0, 10).parse('  ')).toBe('');
    expect(prose(1, 10).safeParse('  ').success).toBe(false);
  });

  it('refuses NUL and over-long text', () => {
    const r = prose(0, 100).safeParse('a\u0000b');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('NUL');
    expect(prose(0, 3).safeParse('1234').success).toBe(false);
  });
});
