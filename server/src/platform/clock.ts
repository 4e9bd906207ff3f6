/** One source of "now" so tests can move time without waiting. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date): Clock & { advance(ms: number): void; set(d: Date): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = d.getTime();
    },
  };
}
export const iso = (d: Date) => d.toISOString();

/** A clock that starts at `start` and runs at real speed: for demos and browser tests (QINLIAN_CLOCK_START). */
export function startingClock(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
