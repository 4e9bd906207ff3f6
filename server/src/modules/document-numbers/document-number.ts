/**
 * 发文字号 as GB/T 9704-2012 7.2.5 writes it: 机关代字, the year in full in 六角括号 〔〕, the sequence
 * number without 第 and without leading zeros, then 号 — 赣新勤廉〔2026〕3号.
 */

export type DocumentNumberParts = { prefix: string; year: number; seq: number };

/** 机关代字: Chinese characters (or Latin letters), nothing that could be read as part of the year or number. */
const PREFIX = /^[\p{Script=Han}A-Za-z]{1,20}$/u;
export const isWellFormedPrefix = (prefix: string) => PREFIX.test(prefix);
export const isPlausibleYear = (year: number) => Number.isInteger(year) && year >= 2000 && year <= 2099;
const MAX_SEQ = 99_999;

export const formatDocumentNumber = ({ prefix, year, seq }: DocumentNumberParts) => `${prefix}〔${year}〕${seq}号`;

/** The brackets people type for 〔〕 (after NFKC: full-width ones become ASCII). */
const OPENING = /[[(【〖]/g;
const CLOSING = /[\])】〗]/g;
const TYPED = /^(.+?)〔(\d{4})〕第?(\d{1,6})号$/u;

/**
 * A number typed by hand, read leniently — spaces, full-width digits, [] () 【】 for 〔〕, 第, 03 for 3
 * — into its parts; null when it is no 发文字号. Formatting the parts gives the canonical text.
 */
export function parseDocumentNumber(text: string): DocumentNumberParts | null {
  const plain = text.normalize('NFKC').replace(/\s+/g, '').replace(OPENING, '〔').replace(CLOSING, '〕');
  const m = TYPED.exec(plain);
  if (!m) return null;
  const parts = { prefix: m[1]!, year: Number(m[2]), seq: Number(m[3]) };
  const ok = isWellFormedPrefix(parts.prefix) && isPlausibleYear(parts.year) && parts.seq >= 1 && parts.seq <= MAX_SEQ;
  return ok ? parts : null;
}
