import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  TRACKING_ALPHABET,
  TRACKING_CODE_LENGTH,
  formatTrackingCode,
  isWellFormedTrackingCode,
  newTrackingCode,
  normalizeTrackingCode,
  requireTrackingCode,
  sampleIndices,
} from './tracking-code.ts';

describe('tracking codes', () => {
  it('are 13 characters from an alphabet without 0 O 1 I L, and pass their own check', () => {
    expect(TRACKING_ALPHABET).toHaveLength(31);
    expect(TRACKING_ALPHABET).not.toMatch(/[0O1IL]/);
    for (let i = 0; i < 1000; i++) {
      const code = newTrackingCode();
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{13}$/);
      expect(code).toHaveLength(TRACKING_CODE_LENGTH);
      expect(isWellFormedTrackingCode(code)).toBe(true);
    }
  });

  it('catch every single-character typo and every swap of neighbours', () => {
    for (let n = 0; n < 40; n++) {
      const code = newTrackingCode();
      for (let i = 0; i < code.length; i++) {
        for (const c of TRACKING_ALPHABET) {
          if (c === code[i]) continue;
          const typo = code.slice(0, i) + c + code.slice(i + 1);
          expect(isWellFormedTrackingCode(typo), `${code} → ${typo}`).toBe(false);
        }
        if (i + 1 < code.length && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(isWellFormedTrackingCode(swapped), `${code} → ${swapped}`).toBe(false);
        }
      }
      // a dropped or doubled character is a wrong length
      expect(isWellFormedTrackingCode(code.slice(1))).toBe(false);
      expect(isWellFormedTrackingCode(code + code[0])).toBe(false);
    }
  });

  it('draw every alphabet index from exactly 8 of the 256 byte values: no modulo bias by construction', () => {
    const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
    let served = false;
    // the sampler asks for more bytes than it needs; serve all 256 values once, then nothing usable
    const source = (n: number) => {
      if (served) return new Uint8Array(n).fill(31); // 31 is always rejected
      served = true;
      return everyByte;
    };
    const counts = new Array(31).fill(0);
    for (const v of sampleIndices(248, source)) counts[v]++;
    expect(counts).toEqual(new Array(31).fill(8));
  });

  it('never repeat over many draws, and spread over the whole alphabet', () => {
    const seen = new Set<string>();
    const perChar = new Map<string, number>();
    const draws = 50_000;
    for (let i = 0; i < draws; i++) {
      const code = newTrackingCode();
      seen.add(code);
      for (const c of code.slice(0, 12)) perChar.set(c, (perChar.get(c) ?? 0) + 1);
    }
    expect(seen.size).toBe(draws);
    const expected = (draws * 12) / 31;
    expect(perChar.size).toBe(31);
    for (const [c, n] of perChar) expect(Math.abs(n - expected) / expected, c).toBeLessThan(0.05);
  });

  it('are read back from what people type: any case, spaces and hyphens between groups', () => {
    const code = newTrackingCode();
    expect(formatTrackingCode(code)).toMatch(/^.{4}-.{4}-.{4}-.$/);
    expect(normalizeTrackingCode(formatTrackingCode(code).toLowerCase())).toBe(code);
    expect(normalizeTrackingCode(` ${code.slice(0, 4)} ${code.slice(4)} `)).toBe(code);
    for (const odd of [null, undefined, 42, '', 'x'.repeat(1000), code.replace(/./, 'O')]) expect(normalizeTrackingCode(odd)).toBeNull();
  });

  it('answer a malformed code with a 400 naming the field in both languages', () => {
    const code = newTrackingCode();
    expect(requireTrackingCode(code.toLowerCase(), 'zh-CN')).toBe(code);
    const bad = code.slice(0, 12) + (code[12] === '2' ? '3' : '2');
    for (const [lang, text] of [
      ['zh-CN', '查询码格式不正确'],
      ['en-US', 'not a valid tracking code'],
    ] as const) {
      try {
        requireTrackingCode(bad, lang, 'body.code');
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(DomainError);
        expect((err as DomainError).status).toBe(400);
        expect((err as DomainError).fields?.[0]).toMatchObject({ path: 'body.code', message: expect.stringContaining(text) });
      }
    }
  });
});
