import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  errorMessage,
  langFromAcceptLanguage,
  PUBLIC_CHALLENGE_HEADER,
  PUBLIC_CHALLENGE_SOLUTION_HEADER,
  type ErrorCode,
  type PublicChallengeRefusal,
} from '@qinlian/contracts';
import { DomainError } from '../errors.ts';
import { checkSolution, issueChallenge, SpentChallenges } from '../public/proof-of-work.ts';

const HOUR_MS = 3_600_000;

export type FloodChallengeOptions = {
  /** the routes that share this gate (their counters and their challenges): `demands`, `ratings` */
  scope: string;
  /** requests an hour from one device, and from one address, before a solution is asked for; 0: never */
  perDevice: number;
  perAddress: number;
  /** the device a request counts against (public-api.ts: its X-Device-Id, else its address) */
  deviceKey: (req: FastifyRequest) => string;
};

const headerOf = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return typeof v === 'string' ? v.slice(0, 512) : null;
};

/**
 * 洪峰时的轻量校验: an onRequest hook for a public write route. Below both soft thresholds it does
 * nothing. Past either, the request must carry a solved challenge (PUBLIC_CHALLENGE_HEADER and
 * PUBLIC_CHALLENGE_SOLUTION_HEADER), checked before the body is even read; otherwise the answer is
 * 428 with a fresh challenge — `challenge_required`, or `challenge_failed` / `challenge_expired` /
 * `challenge_used` for a solution that does not count (and 429 when so many solutions arrive that
 * the spent ones no longer fit). Counters and spent challenges live in this process: behind N
 * instances a source gets N times the thresholds, and could spend one solution once per instance.
 */
export function floodChallenge(app: FastifyInstance, opts: FloodChallengeOptions) {
  const { difficulty } = app.config.publicChallenge;
  // sized LRUs of their own (`cache`, passed on to the store though the typings leave it out), as the public API's limiters
  const counters = [
    opts.perAddress > 0 && app.createRateLimit({ max: opts.perAddress, timeWindow: HOUR_MS, ...{ cache: 10_000 } }),
    opts.perDevice > 0 &&
      app.createRateLimit({ max: opts.perDevice, timeWindow: HOUR_MS, keyGenerator: opts.deviceKey, ...{ cache: 50_000 } }),
  ].filter((c) => c !== false);
  const spent = new SpentChallenges();

  const refuse = (req: FastifyRequest, reply: FastifyReply, code: ErrorCode, now: Date) => {
    const body: PublicChallengeRefusal = {
      error: { code, message: errorMessage(code, langFromAcceptLanguage(req.headers['accept-language'])) },
      challenge: issueChallenge(app.config, opts.scope, difficulty, now),
    };
    return reply.status(428).header('cache-control', 'no-store').send(body);
  };

  return async function floodChallengeGate(req: FastifyRequest, reply: FastifyReply) {
    let flooding = false;
    for (const count of counters) {
      const state = await count(req); // every counter counts every request
      if (!state.isAllowed && state.isExceeded) flooding = true;
    }
    if (!flooding) return;
    const now = req.server.deps.clock.now();
    const challenge = headerOf(req, PUBLIC_CHALLENGE_HEADER);
    const solution = headerOf(req, PUBLIC_CHALLENGE_SOLUTION_HEADER);
    if (challenge === null && solution === null) return refuse(req, reply, 'challenge_required', now);
    const check = checkSolution(app.config, opts.scope, challenge ?? '', solution ?? '', now);
    if (!check.ok) return refuse(req, reply, check.code, now);
    const spending = spent.spend(check.nonce, check.expiresAtMs, now.getTime());
    if (spending === 'used') return refuse(req, reply, 'challenge_used', now);
    if (spending === 'full') throw new DomainError('rate_limited', 429);
  };
}
