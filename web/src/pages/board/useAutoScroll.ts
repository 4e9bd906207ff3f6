import { useEffect, type RefObject } from 'react';

/**
 * For the wall: a column taller than the screen scrolls itself slowly down, waits at the bottom,
 * and starts again from the top — nobody stands at a wall with a mouse.
 */
export function useAutoScroll(ref: RefObject<HTMLElement | null>, enabled: boolean, pxPerTick = 1, tickMs = 60, pauseMs = 4000) {
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    let pausedUntil = Date.now() + pauseMs;
    const timer = setInterval(() => {
      if (Date.now() < pausedUntil || el.scrollHeight <= el.clientHeight + 2) return;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) {
        el.scrollTop = 0;
        pausedUntil = Date.now() + pauseMs;
      } else {
        el.scrollTop += pxPerTick;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) pausedUntil = Date.now() + pauseMs;
      }
    }, tickMs);
    return () => clearInterval(timer);
  }, [ref, enabled, pxPerTick, tickMs, pauseMs]);
}
