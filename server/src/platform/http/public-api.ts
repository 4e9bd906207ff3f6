import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CreateRateLimitOptions } from '@fastify/rate-limit';
import { DomainError } from '../errors.ts';
import { floodChallenge } from './flood-challenge.ts';

/** Where the public (no account) API lives; the public web shell calls only this. */
export const PUBLIC_API_PREFIX = '/api/public';

/** The header the public web shell sends with the id it keeps in localStorage. */
export const DEVICE_ID_HEADER = 'x-device-id';

// A random id the shell made (crypto.randomUUID() fits). Anything else is ignored rather than refused:
// a public page must not break over a header, and an ignored id is counted as its address (see below).
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The device id the caller claims, or null: the X-Device-Id header, or `?deviceId=` where a header
 * cannot be set (EventSource). Only a rate-limit key: it proves nothing about anyone.
 */
export function deviceIdOf(req: FastifyRequest): string | null {
  const header = req.headers[DEVICE_ID_HEADER];
  const value = typeof header === 'string' ? header : new URLSearchParams(req.url.split('?')[1] ?? '').get('deviceId');
  return value && DEVICE_ID.test(value) ? value : null;
}

/**
 * Registers the public modules under /api/public, each route with `publicApiRoute` (auth-hook.ts
 * refuses anything else there), behind two limits checked in turn:
 *  - per client address (as trustProxy resolves it; IPv6 by /64): caps what one network can send,
 *    however many device ids it makes up;
 *  - per device (X-Device-Id): keeps one phone behind a shared address (an office's Wi-Fi, carrier
 *    NAT) from using up its neighbours' budget, so the address limit can be set generously. A request
 *    without a usable device id counts as the device "its address", i.e. such requests share one
 *    device budget per address.
 * A route may add a tighter limit of its own with `config: { rateLimit: { max, timeWindow } }`.
 * The counters live in this process: behind N instances without sticky sessions a client gets up
 * to N times the limit (@fastify/rate-limit takes a Redis store if that ever matters).
 * `pages`: public web pages answered with data in their HTML (the badge, /p/b/:code), counted
 * against the same limits as the API calls they stand in for; they register their full paths.
 */
export async function registerPublicApi(app: FastifyInstance, modules: FastifyPluginAsyncZod[], pages: FastifyPluginAsync[] = []) {
  const { perAddress, perDevice, windowMs } = app.config.publicApi;
  await app.register(async (api) => {
    // each limiter keeps its counters in an LRU of its own (`cache`: its size, passed on to the store at
    // run time though the typings leave it out), so device ids made up by the thousand evict device
    // counters, never the address ones
    const byAddress: CreateRateLimitOptions = { max: perAddress, timeWindow: windowMs, ...{ cache: 10_000 } };
    const byDevice: CreateRateLimitOptions = {
      max: perDevice,
      timeWindow: windowMs,
      keyGenerator: (req) => deviceIdOf(req) ?? `address:${req.ip}`,
      ...{ cache: 50_000 },
    };
    const limits = [perAddress > 0 && api.createRateLimit(byAddress), perDevice > 0 && api.createRateLimit(byDevice)].filter(
      (l) => l !== false,
    );
    api.addHook('onRequest', async (req, reply) => {
      for (const limit of limits) {
        const state = await limit(req);
        if (state.isAllowed || !state.isExceeded) continue;
        reply.header('retry-after', state.ttlInSeconds);
        throw new DomainError('rate_limited', 429);
      }
    });
    await api.register(
      async (prefixed) => {
        for (const routes of modules) await prefixed.register(routes);
      },
      { prefix: PUBLIC_API_PREFIX },
    );
    for (const page of pages) await api.register(page);
  });
}

const HOUR_MS = 3_600_000;

/**
 * The limits of a public route that writes (a rating, a submission), on top of the public API's
 * per-minute ones: `perDevice` an hour per device (a request without a usable device id counts as its
 * address), then `perAddress` an hour per address — so that making up device ids does not make a
 * script a crowd. Beyond either: 429 `rate_limited` with Retry-After. Spread into the route's options
 * (`config.rateLimit` and `onRequest`). Counters are in-process.
 * `challenge`: the scope of a proof of work asked of a source past the soft thresholds of
 * `config.publicChallenge` (flood-challenge.ts) — each only where it is below this route's hard limit,
 * so the route's 429 stays where it was. Checked after the address limit, before the device limit:
 * a request sent back for a proof does not use up its device's budget.
 */
export function publicWriteLimits(app: FastifyInstance, limits: { perDevice: number; perAddress: number; challenge?: string }) {
  const byAddress = app.createRateLimit({ max: limits.perAddress, timeWindow: HOUR_MS });
  const deviceKey = (req: FastifyRequest) => deviceIdOf(req) ?? `address:${req.ip}`;
  const addressLimit = async (req: FastifyRequest, reply: FastifyReply) => {
    const state = await byAddress(req);
    if (state.isAllowed || !state.isExceeded) return;
    reply.header('retry-after', state.ttlInSeconds);
    throw new DomainError('rate_limited', 429);
  };
  const soft = app.config.publicChallenge;
  const below = (threshold: number, hard: number) => (threshold < hard ? threshold : 0);
  const gate =
    limits.challenge &&
    floodChallenge(app, {
      scope: limits.challenge,
      perDevice: below(soft.perDevice, limits.perDevice),
      perAddress: below(soft.perAddress, limits.perAddress),
      deviceKey,
    });
  return {
    rateLimit: { max: limits.perDevice, timeWindow: HOUR_MS, keyGenerator: deviceKey },
    // one function, not an array: routes share this object, and the rate-limit plugin appends its hook to an array in place
    onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
      await addressLimit(req, reply);
      if (gate) return gate(req, reply);
    },
  };
}
