import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import {
  challengeProofInput,
  leadingZeroBits,
  PUBLIC_CHALLENGE_HEADER,
  PUBLIC_CHALLENGE_SOLUTION_HEADER,
  type PublicChallengeRefusal,
} from '@qinlian/contracts';

/** What the browser does (web/src/api/challenge-solver.ts), with Node's SHA-256: count in base 36 until the digest starts with enough zero bits. */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const solution = n.toString(36);
    const digest = crypto.createHash('sha256').update(challengeProofInput(challenge, solution)).digest();
    if (leadingZeroBits(digest) >= difficulty) return solution;
  }
}

/** A solution that does not solve it: its digest starts with fewer zero bits than asked. */
export function wrongSolution(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const digest = crypto
      .createHash('sha256')
      .update(challengeProofInput(challenge, n.toString(36)))
      .digest();
    if (leadingZeroBits(digest) < difficulty) return n.toString(36);
  }
}

/** The headers that answer a 428's challenge, solved. */
export function solvedHeaders(refused: LightMyRequestResponse): Record<string, string> {
  const { challenge } = refused.json() as PublicChallengeRefusal;
  return {
    [PUBLIC_CHALLENGE_HEADER]: challenge.challenge,
    [PUBLIC_CHALLENGE_SOLUTION_HEADER]: solveChallenge(challenge.challenge, challenge.difficulty),
  };
}
