/**
 * 安全校验 (a proof of work): when one address or one device sends a public write route more than
 * its soft threshold an hour, the server asks for a small computation before it does any work. The
 * answer (428) carries a challenge signed by the server; the browser finds a `solution` such that
 * SHA-256(`<challenge>:<solution>`) starts with `difficulty` zero bits, and sends the request again
 * with both in the headers below. A challenge expires after a couple of minutes and serves once.
 */
export const PUBLIC_CHALLENGE_HEADER = 'x-challenge';
export const PUBLIC_CHALLENGE_SOLUTION_HEADER = 'x-challenge-solution';

/** A solution: up to 32 lower-case letters and digits (the solver counts in base 36). */
export const CHALLENGE_SOLUTION = /^[0-9a-z]{1,32}$/;

/** The text whose SHA-256 the solution must make start with zero bits: the same bytes on both sides. */
export const challengeProofInput = (challenge: string, solution: string) => `${challenge}:${solution}`;

/** How many zero bits a digest starts with. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}
