import type { PublicChallenge } from '@qinlian/contracts';
// the proof without zod: the API client carries this solver, and the public pages never load the schemas
import { challengeProofInput, leadingZeroBits } from '@qinlian/contracts/public-challenge-proof';
import { sha256 } from './sha256.ts';

/** Digests asked of SubtleCrypto at once: enough to keep its worker busy, few enough to stop soon after a hit. */
const BATCH = 256;

export type Digest = (bytes: Uint8Array) => Promise<Uint8Array>;

const subtleDigest: Digest = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
const plainDigest: Digest = async (bytes) => sha256(bytes);

/** SubtleCrypto where the page is secure (HTTPS, localhost); plain JavaScript where it is not there. */
const browserDigest = (): Digest => (globalThis.crypto?.subtle ? subtleDigest : plainDigest);

/**
 * 安全校验: the server's proof of work, done in the browser — count in base 36 until
 * SHA-256(`<challenge>:<solution>`) starts with `difficulty` zero bits — about 2^difficulty tries,
 * 16,000 at the default 14: half a second to two on a phone (headless Chromium on the 2-core server
 * does about 30,000 a second). Gives way to the page between batches; `signal` stops it.
 */
export async function solveChallenge(c: PublicChallenge, signal?: AbortSignal, digest: Digest = browserDigest()): Promise<string> {
  const encoder = new TextEncoder();
  for (let start = 0; ; start += BATCH) {
    signal?.throwIfAborted();
    const tries = Array.from({ length: BATCH }, (_, i) => (start + i).toString(36));
    const digests = await Promise.all(tries.map((s) => digest(encoder.encode(challengeProofInput(c.challenge, s)))));
    const hit = digests.findIndex((d) => leadingZeroBits(d) >= c.difficulty);
    if (hit >= 0) return tries[hit]!;
  }
}
