import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RATINGS_PER_DEVICE_PER_HOUR } from '@qinlian/contracts';
import { keyedDigest } from '../../platform/crypto/sealed.ts';
import { DomainError } from '../../platform/errors.ts';
import { deviceIdOf } from '../../platform/http/public-api.ts';
import type { Rater } from './ratings.service.ts';

/**
 * Limits of the public rating routes, on top of the public API's own (per minute): per device,
 * RATINGS_PER_DEVICE_PER_HOUR an hour on each rating route (a device without an id counts as its
 * address); per address, RATINGS_PER_ADDRESS_PER_HOUR — so that making up device ids does not make a
 * script a crowd. Beyond either: 429 `rate_limited` with Retry-After. Counters are in-process.
 */
export const RATINGS_PER_ADDRESS_PER_HOUR = 60;
const HOUR_MS = 3_600_000;

/** The route options a public rating route spreads into its own (`config` merged by the caller). */
export function ratingRouteLimits(app: FastifyInstance) {
  const byAddress = app.createRateLimit({ max: RATINGS_PER_ADDRESS_PER_HOUR, timeWindow: HOUR_MS });
  return {
    rateLimit: {
      max: RATINGS_PER_DEVICE_PER_HOUR,
      timeWindow: HOUR_MS,
      keyGenerator: (req: FastifyRequest) => deviceIdOf(req) ?? `address:${req.ip}`,
    },
    onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
      const state = await byAddress(req);
      if (state.isAllowed || !state.isExceeded) return;
      reply.header('retry-after', state.ttlInSeconds);
      throw new DomainError('rate_limited', 429);
    },
  };
}

/** The rater as kept: keyed digests only (ratings are personal data; the digests serve one-per-event and abuse checks). */
export function raterOf(req: FastifyRequest): Rater {
  const config = req.server.config;
  return {
    deviceHash: keyedDigest(config, 'rating-device', deviceIdOf(req) ?? `address:${req.ip}`),
    addressHash: keyedDigest(config, 'rating-address', req.ip),
  };
}
