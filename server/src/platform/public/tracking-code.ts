import { randomBytes } from 'node:crypto';
import type { Lang } from '@qinlian/contracts';
import { DomainError } from '../errors.ts';

/**
 * Tracking codes (查询码) that a member of the public gets for a submission and types back to
 * follow it: 12 random characters and a check character, e.g. `7KQ3MZ8RXH2W5`.
 *
 * The alphabet leaves out 0 O 1 I L, which people misread and mistype; it has 31 characters, a prime,
 * which is what makes the check below exact. 12 random characters are 12·log2(31) ≈ 59 bits: with a
 * million codes issued and the public API rate limited, guessing one is out of reach.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = TRACKING_ALPHABET.length; // 31, prime
const RANDOM_LENGTH = 12;
export const TRACKING_CODE_LENGTH = RANDOM_LENGTH + 1;

const valueOf = new Map([...TRACKING_ALPHABET].map((c, i) => [c, i]));

/**
 * Indices into the alphabet from random bytes, by rejection: the low 5 bits of a byte are uniform
 * over 0..31; 31 is thrown away, so each of 0..30 is exactly as likely (8 of the 256 byte values
 * each) — no modulo bias. `bytes` is the random source; tests hand it every byte value once.
 */
export function sampleIndices(count: number, bytes: (n: number) => Uint8Array = randomBytes): number[] {
  const out: number[] = [];
  while (out.length < count) {
    for (const b of bytes(count - out.length + 4)) {
      const v = b & 0x1f;
      if (v < BASE && out.length < count) out.push(v);
    }
  }
  return out;
}

/**
 * The check: Σ (position+1)·value ≡ 0 (mod 31) over all 13 characters. Weights 1..13 are all
 * non-zero modulo the prime 31, so changing any one character changes the sum; swapping neighbours
 * a,b changes it by a−b ≠ 0. Both kinds of typo are therefore always caught (ISO 7064-style).
 */
function weightedSum(values: number[]): number {
  return values.reduce((sum, v, i) => (sum + (i + 1) * v) % BASE, 0);
}

function inverse(w: number): number {
  for (let x = 1; x < BASE; x++) if ((w * x) % BASE === 1) return x;
  throw new Error(`no inverse of ${w} mod ${BASE}`);
}
const CHECK_WEIGHT_INVERSE = inverse(TRACKING_CODE_LENGTH);

function checkValue(body: number[]): number {
  // solve S + 13·c ≡ 0 (mod 31) for c
  return (((BASE - weightedSum(body)) % BASE) * CHECK_WEIGHT_INVERSE) % BASE;
}

/** A new unguessable tracking code from the system's CSPRNG. Store it UNIQUE; a clash is ~2⁻⁵⁹. */
export function newTrackingCode(bytes?: (n: number) => Uint8Array): string {
  const body = sampleIndices(RANDOM_LENGTH, bytes);
  return [...body, checkValue(body)].map((v) => TRACKING_ALPHABET[v]).join('');
}

/**
 * The code as stored, from what a person typed (any case, spaces or hyphens between groups), or
 * null when it cannot be a code: wrong length, a character outside the alphabet, or a failed check.
 * Answer null before any lookup, so a typo gets "check the code" rather than "not found".
 */
export function normalizeTrackingCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== TRACKING_CODE_LENGTH) return null;
  const values = [...code].map((c) => valueOf.get(c));
  if (values.some((v) => v === undefined)) return null;
  return weightedSum(values as number[]) === 0 ? code : null;
}

export const isWellFormedTrackingCode = (input: unknown): boolean => normalizeTrackingCode(input) !== null;

/** For display and print: `7KQ3-MZ8R-XH2W-5`, easier to read out over the phone. */
export const formatTrackingCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/** The normalized code, or a 400 naming the field in the caller's language. */
export function requireTrackingCode(input: unknown, lang: Lang, path = 'trackingCode'): string {
  const code = normalizeTrackingCode(input);
  if (code) return code;
  const message =
    lang === 'en-US'
      ? `not a valid tracking code: ${TRACKING_CODE_LENGTH} letters and digits; please check it for typos`
      : `查询码格式不正确：应为 ${TRACKING_CODE_LENGTH} 位字母和数字，请核对是否输错`;
  throw new DomainError('validation_failed', 400, {}, [{ path, message }]);
}
