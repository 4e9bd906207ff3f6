/** A small seeded PRNG (sfc32, seeded through splitmix32): the same seed gives the same dataset. */
export type Rng = ReturnType<typeof createRng>;

export function createRng(seed: number) {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(),
    b = splitmix(),
    c = splitmix(),
    d = splitmix();
  /** next 32 random bits */
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  const float = () => u32() / 4294967296;
  const int = (n: number) => Math.floor(float() * n);
  return {
    u32,
    float,
    /** 0 … n-1 */
    int,
    /** lo … hi inclusive */
    between: (lo: number, hi: number) => lo + int(hi - lo + 1),
    chance: (p: number) => float() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    /** an index drawn by weight */
    weighted(weights: readonly number[]): number {
      let total = 0;
      for (const w of weights) total += w;
      let x = float() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i]!;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    /** a child generator, so that one part of the dataset does not shift when another changes */
    fork: (label: string) => createRng((seed ^ hashLabel(label)) >>> 0),
  };
}

function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Deterministic UUIDv7s: a 48-bit millisecond clock that moves forward with every id, random bits
 * from the PRNG. Sortable like the app's own ids (platform/ids.ts) and the same from run to run.
 */
export function idFactory(rng: Rng, startMs: number) {
  let ms = startMs;
  return () => uuidAt(rng, ++ms);
}

/** A UUIDv7 of the instant `ms`, for records whose ids must sort by their own creation time. */
export function uuidAt(rng: Rng, ms: number): string {
  const hi = Math.floor(ms / 0x10000);
  const lo = ms % 0x10000;
  const randA = rng.u32() & 0x0fff;
  const randB1 = (rng.u32() & 0x3fff) | 0x8000;
  const randB2 = rng.u32();
  const randB3 = rng.u32() & 0xffff;
  return `${hex8(hi)}-${hex4(lo)}-${hex4(0x7000 | randA)}-${hex4(randB1)}-${hex8(randB2)}${hex4(randB3)}`;
}

// Millions of ids: hex digits by the byte from a table rather than toString(16) and padStart.
const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex4 = (n: number) => HEX_BYTE[(n >>> 8) & 0xff]! + HEX_BYTE[n & 0xff]!;
const hex8 = (n: number) => hex4(n >>> 16) + hex4(n);
