import { describe, expect, it } from 'vitest';
import { COMMON_WORD_POSTINGS, jaccard, lookupWords } from './demand-similarity.ts';

describe('jaccard', () => {
  it('is the words in common over the words in either', () => {
    expect(jaccard(new Set(['路灯', '坏', '幸福']), ['路灯', '坏', '光明'])).toBe(0.5);
    expect(jaccard(new Set(['路灯']), ['路灯'])).toBe(1);
    expect(jaccard(new Set(['路灯']), ['停水'])).toBe(0);
    expect(jaccard(new Set(), [])).toBe(0);
  });
});

describe('lookupWords (the words candidates are found by)', () => {
  it('takes the rarer words first and leaves out words no item holds', () => {
    const postings = new Map([
      ['路灯', 900],
      ['幸福', 12],
      ['漆黑', 40],
      ['新词', 0],
    ]);
    expect(lookupWords(['路灯', '幸福', '漆黑', '新词', '未见'], postings)).toEqual(['幸福', '漆黑', '路灯']);
  });

  it('leaves out a word held by more than 5,000 items, however few the others', () => {
    const postings = new Map([
      ['小区', COMMON_WORD_POSTINGS + 1],
      ['锦绣', 3],
    ]);
    expect(lookupWords(['小区', '锦绣'], postings)).toEqual(['锦绣']);
  });

  it('stops within the postings budget of one lookup, rarest first', () => {
    const words = Array.from({ length: 10 }, (_, i) => `w${i}`);
    const postings = new Map(words.map((w, i) => [w, 4_000 + i]));
    const chosen = lookupWords(words, postings);
    expect(chosen).toEqual(['w0', 'w1']); // 8,001 postings; a third would pass 10,000
  });
});
