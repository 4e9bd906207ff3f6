import { describe, expect, it } from 'vitest';
import { keyWordsOf, wordsOf, WORDS_PER_ITEM } from './demand-words.ts';

describe('wordsOf (分词)', () => {
  it('keeps the words that tell a submission apart, once each, in order', () => {
    const words = wordsOf('幸福路小区门口的路灯坏了，晚上一片漆黑，我们希望尽快修好路灯！');
    expect(words).toEqual(expect.arrayContaining(['幸福', '小区', '门口', '路灯', '坏', '晚上', '漆黑', '修好']));
    expect(words.filter((w) => w === '路灯')).toHaveLength(1);
    expect(words.indexOf('幸福')).toBeLessThan(words.indexOf('路灯'));
  });

  it('drops punctuation, whitespace, particles and the stop list', () => {
    const words = wordsOf('我们 希望 请 能 一下 的 了 和 是 在 我，。！？、 …… ——  \n\t「」');
    expect(words).toEqual([]);
  });

  it('lower-cases and folds full-width letters and digits; a lone Latin letter or digit is dropped', () => {
    const words = wordsOf('ＡＢＣ小区 Wi-Fi 信号差 a 1 号楼 12345热线');
    expect(words).toEqual(expect.arrayContaining(['abc', '小区', 'wi', 'fi', '信号', '12345', '热线']));
    expect(words).not.toContain('a');
    expect(words).not.toContain('1');
    expect(words.some((w) => /[A-Z]/.test(w))).toBe(false);
  });

  it('answers nothing for an empty or blank text', () => {
    expect(wordsOf('')).toEqual([]);
    expect(wordsOf('   \n ')).toEqual([]);
  });
});

describe('keyWordsOf (the words an item is indexed by)', () => {
  it('keeps every word of a short text', () => {
    const text = '幸福路小区门口的路灯坏了，晚上一片漆黑';
    expect(keyWordsOf(text)).toEqual(wordsOf(text));
  });

  it('keeps at most 64 words of a long letter, the telling ones first', () => {
    const filler = Array.from({ length: 120 }, (_, i) => `第${i}号楼居民反映情况${String.fromCharCode(0x4e00 + i * 7)}`).join('，');
    const text = `尊敬的领导您好，${filler}。幸福路的路灯坏了，路灯不亮，路灯杆倾斜。`;
    const words = keyWordsOf(text);
    expect(wordsOf(text).length).toBeGreaterThan(WORDS_PER_ITEM);
    expect(words).toHaveLength(WORDS_PER_ITEM);
    expect(new Set(words).size).toBe(WORDS_PER_ITEM);
    expect(words).toContain('路灯');
    for (const w of words) expect(wordsOf(text)).toContain(w);
  });
});
