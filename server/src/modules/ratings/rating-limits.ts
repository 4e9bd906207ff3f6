import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RATINGS_PER_DEVICE_PER_HOUR } from '@qinlian/contracts';
import { keyedDigest } from '../../platform/crypto/sealed.ts';
import { deviceIdOf, publicWriteLimits } from '../../platform/http/public-api.ts';
import type { Rater } from './ratings.service.ts';

/**
 * Limits of the public rating routes, on top of the public API's own (per minute): per device,
 * RATINGS_PER_DEVICE_PER_HOUR an hour on each rating route; per address, RATINGS_PER_ADDRESS_PER_HOUR
 * (platform/http/public-api.ts `publicWriteLimits`).
 */
export const RATINGS_PER_ADDRESS_PER_HOUR = 60;

/** The route options a public rating route spreads into its own (`config` merged by the caller). */
export const ratingRouteLimits = (app: FastifyInstance) =>
  // 安全校验 past the address's soft threshold (the device's hard limit is already a person's pace)
  publicWriteLimits(app, { perDevice: RATINGS_PER_DEVICE_PER_HOUR, perAddress: RATINGS_PER_ADDRESS_PER_HOUR, challenge: 'ratings' });

/** The rater as kept: keyed digests only (ratings are personal data; the digests serve one-per-event and abuse checks). */
export function raterOf(req: FastifyRequest): Rater {
  const config = req.server.config;
  return {
    deviceHash: keyedDigest(config, 'rating-device', deviceIdOf(req) ?? `address:${req.ip}`),
    addressHash: keyedDigest(config, 'rating-address', req.ip),
  };
}
