import { useSyncExternalStore } from 'react';
import type { PublicChallenge } from '@qinlian/contracts';
import { PUBLIC_CHALLENGE_HEADER, PUBLIC_CHALLENGE_SOLUTION_HEADER } from '@qinlian/contracts/public-challenge-proof';
import { solveChallenge } from './challenge-solver.ts';

/*
 * 安全校验 while it runs: the API client (client.ts) solves the server's challenge and sends the
 * request again; the public forms show "正在进行安全校验…" meanwhile (useSecurityCheck).
 */
let running = 0;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

/** Solve the challenge; answers the headers that carry the solution with the request sent again. */
export async function passSecurityCheck(c: PublicChallenge, signal?: AbortSignal): Promise<Record<string, string>> {
  running++;
  changed();
  try {
    const solution = await solveChallenge(c, signal);
    return { [PUBLIC_CHALLENGE_HEADER]: c.challenge, [PUBLIC_CHALLENGE_SOLUTION_HEADER]: solution };
  } finally {
    running--;
    changed();
  }
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** True while a security check is being solved for one of this page's requests. */
export const useSecurityCheck = () => useSyncExternalStore(subscribe, () => running > 0);
