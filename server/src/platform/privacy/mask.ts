/**
 * Masks for the public's personal data in what presenters send (脱敏): lists, boards and exports
 * show enough to tell records apart, never enough to reach the person. Each mask takes whatever a
 * row holds — null, blank, short or odd text — and never throws: null/blank in, null out.
 */

type Masked<T> = T extends string ? string : string | null;

const STAR = '*';
const stars = (n: number) => STAR.repeat(Math.max(0, n));

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
}

/** Keep `start` characters and `end` characters, star the rest; too short to show both → stars, then the last one or two. */
function keepEnds(chars: string[], start: number, end: number): string {
  const n = chars.length;
  if (n > start + end) return chars.slice(0, start).join('') + stars(n - start - end) + chars.slice(n - end).join('');
  if (n <= 2) return stars(n);
  const shown = Math.min(2, n - 2);
  return stars(n - shown) + chars.slice(n - shown).join('');
}

/**
 * 手机号 `13812345678` → `138****5678`; `+86 138 1234 5678` → `+86 138****5678`; landlines and
 * other numbers keep their first 3 and last 4 digits when they have 8 or more, otherwise only the last two.
 */
export function maskPhone<T extends string | null | undefined>(value: T): Masked<T>;
export function maskPhone(value: unknown): string | null {
  const t = text(value);
  if (t === null) return null;
  let digits = t.replace(/[\s()\-–.]/g, '');
  let country = '';
  const cn = /^(?:\+86|0086)(1\d{10})$/.exec(digits);
  if (cn) [country, digits] = ['+86 ', cn[1]!];
  const chars = [...digits];
  return country + (chars.length >= 8 ? keepEnds(chars, 3, 4) : keepEnds(chars, 0, 2));
}

const HAN = /\p{Script=Han}/u;

/**
 * 姓名 `张三丰` → `张**`, `张三` → `张*`, `阿卜杜·热西提` → `阿**·***` (the middle dot of minority and
 * foreign names kept); Latin names keep the initial of each word: `John Smith` → `J*** S****`.
 * A single character is all starred: it would be the whole name.
 */
export function maskName<T extends string | null | undefined>(value: T): Masked<T>;
export function maskName(value: unknown): string | null {
  const t = text(value);
  if (t === null) return null;
  const chars = [...t];
  if (chars.length === 1) return STAR;
  if (HAN.test(t))
    return (
      chars[0] +
      chars
        .slice(1)
        .map((c) => (c === '·' || c === '•' ? c : STAR))
        .join('')
    );
  return t
    .split(/(\s+|-)/)
    .map((part) => (/^\s+$|^-$/.test(part) ? part : [...part].map((c, i) => (i === 0 ? c : STAR)).join('')))
    .join('');
}

/** 邮箱 `zhangsan@example.com` → `z***n@example.com`: the domain stays (it is rarely personal), the name is hidden. */
export function maskEmail<T extends string | null | undefined>(value: T): Masked<T>;
export function maskEmail(value: unknown): string | null {
  const t = text(value);
  if (t === null) return null;
  const at = t.lastIndexOf('@');
  if (at < 0) return t.length > 1 ? `${[...t][0]}***` : '***';
  const local = [...t.slice(0, at)];
  const domain = t.slice(at + 1);
  const name = local.length === 0 ? '' : local.length <= 2 ? local[0] + STAR : `${local[0]}***${local[local.length - 1]}`;
  return `${name}@${domain}`;
}

/**
 * 身份证号 (18 digits, or the old 15) → the first 4 (province and city) and last 4 kept:
 * `110101199003074514` → `1101**********4514`; the birth date in the middle is always hidden.
 * Anything else keeps at most its last 4 characters, and only when it has 8 or more.
 */
export function maskIdCard<T extends string | null | undefined>(value: T): Masked<T>;
export function maskIdCard(value: unknown): string | null {
  const t = text(value);
  if (t === null) return null;
  const id = t.replace(/\s/g, '').toUpperCase();
  const chars = [...id];
  if (/^(\d{17}[\dX]|\d{15})$/.test(id)) return keepEnds(chars, 4, 4);
  return chars.length >= 8 ? keepEnds(chars, 0, 4) : stars(chars.length);
}
