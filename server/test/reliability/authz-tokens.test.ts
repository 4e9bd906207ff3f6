import { describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { Permission } from '@qinlian/contracts';
import { ENGINES } from '../harness.ts';
import type { RegisteredRoute } from '../../src/platform/http/auth-hook.ts';
import { clientFor, registeredRoutes, worldOn, type Scope } from './world.ts';
import { MATRIX, matrixRow, routeKey, type Expect, type Row } from './authz-matrix.ts';

/**
 * 2b. The authorization matrix for API tokens (issue #11: tokens are for integrations). Every row
 * of MATRIX is run again with two narrower tokens of the department head, whose answers follow
 * from the row's `token` column (the head's full-scope token) and the route's declared policy:
 *
 *   readOnly        GET/HEAD as the token column; any other method 403 (token_read_only)
 *   peopleReadOnly  scoped to people.read: a route that requires another permission 403;
 *                   otherwise as the token column
 *
 * and every token — these two and the full one — gets 403 session_required on session-only routes.
 * A static check over MATRIX proves the full token never succeeds where its owner does not.
 */
const ROUTES = await registeredRoutes();
// a live stream (GET …/live) stays open while its client does: its row is checked through the HEAD route
const CHECKED = ROUTES.filter((r) => matrixRow(r) && !(r.method === 'GET' && r.url.endsWith('/live')));
const READS = new Set(['GET', 'HEAD']);
const SCOPED_TO: Permission = 'people.read';
const ok = (status: number) => status >= 200 && status < 300;

type NarrowToken = 'readOnly' | 'peopleReadOnly';
type Expected = { status: number; code?: string };

/**
 * Routes open to any signed-in caller whose service then asks for one of these permissions (the
 * task decides which side may act): a token scoped without them is refused there too.
 */
const SERVICE_CHECKED: Record<string, Permission[]> = {
  'POST /api/tasks/:id/milestones/:milestoneId/complete': ['tasks.handle', 'plan.manage'],
  'POST /api/tasks/:id/milestones/:milestoneId/reopen': ['tasks.handle', 'plan.manage'],
  'GET /api/enquiries': ['enquiries.read', 'enquiries.handle'],
  // people.read reaches a badge; someone else's is edited or reissued with badges.manage only
  'PUT /api/badges/people/:personId': ['badges.manage'],
  'POST /api/badges/people/:personId/reissue': ['badges.manage'],
};
/** …and those whose service hides the record (404) from a caller without any of these permissions. */
const SERVICE_HIDDEN: Record<string, Permission[]> = {
  'GET /api/enquiries/:id': ['enquiries.read', 'enquiries.handle'],
};

/** What a narrow token must get on this route, for a record whose full-token answer is `full`. */
function expectedFor(token: NarrowToken, route: RegisteredRoute, full: number): Expected {
  if (route.policy.interactive) return { status: 403, code: 'session_required' };
  // the public API never reads a token: it answers the token as it answers anyone
  if (route.policy.kind === 'public' && route.policy.anonymous) return { status: full };
  if (token === 'readOnly') return READS.has(route.method) ? { status: full } : { status: 403, code: 'token_read_only' };
  if (route.policy.kind === 'permission' && route.policy.permission !== SCOPED_TO) return { status: 403, code: 'forbidden' };
  const key = routeKey(route).replace(/^HEAD /, 'GET ');
  const serviceNeeds = SERVICE_CHECKED[key];
  if (serviceNeeds && !serviceNeeds.includes(SCOPED_TO) && ok(full)) return { status: 403, code: 'forbidden' };
  const hiddenWithout = SERVICE_HIDDEN[key];
  if (hiddenWithout && !hiddenWithout.includes(SCOPED_TO) && ok(full)) return { status: 404, code: 'not_found' };
  return { status: full };
}

const column = (row: Row, scope: Scope): Expect => (scope === 'in' ? row.in : row.out!);

describe('authorization matrix for tokens: the rows themselves', () => {
  it('never lets the full token succeed where its owner (the department head) does not', () => {
    const exceeding = Object.entries(MATRIX).flatMap(([key, row]) =>
      (['in', 'out'] as const)
        .filter((s) => s === 'in' || row.out)
        .filter((s) => ok(column(row, s).token) && !ok(column(row, s).deptHead))
        .map((s) => `${key} (${s}): token ${column(row, s).token}, deptHead ${column(row, s).deptHead}`),
    );
    expect(exceeding).toEqual([]);
  });

  it('gives the full token 403 on every session-only route (sign-in, password, TOTP, session, tokens)', () => {
    const interactive = ROUTES.filter((r) => r.policy.interactive);
    const paths = interactive.map((r) => r.url);
    for (const p of ['/api/auth/login', '/api/auth/password', '/api/auth/totp/setup', '/api/auth/session', '/api/api-tokens'])
      expect(paths).toContain(p);
    expect(interactive.filter((r) => matrixRow(r)?.in.token !== 403).map(routeKey)).toEqual([]);
  });
});

describe.each(ENGINES)('authorization matrix for narrow tokens on %s', (engine) => {
  const world = worldOn(engine);

  it.each(CHECKED)('$method $url', async (route) => {
    const { t, w } = world;
    const row = matrixRow(route)!;
    const wrong: string[] = [];
    for (const token of ['readOnly', 'peopleReadOnly'] as const) {
      const client = clientFor(t, 'token', w.users.deptHead, { bearer: w.narrowTokens[token] });
      for (const scope of row.out ? (['in', 'out'] as const) : (['in'] as const)) {
        const want = expectedFor(token, route, column(row, scope).token);
        // records are built for the head's full token (same account): a read-only token cannot upload its own "in" file
        const opts: InjectOptions = await row.request(w, scope, await w.client('token'));
        const res = await client.request({ ...opts, method: route.method as InjectOptions['method'] });
        const json = String(res.headers['content-type'] ?? '').includes('json') && res.body;
        const code = json ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
        // a HEAD answer has no body to name its code
        if (res.statusCode !== want.status || (want.code && route.method !== 'HEAD' && code !== want.code))
          wrong.push(`${token} on ${scope}: expected ${want.status} ${want.code ?? ''}, got ${res.statusCode} ${code ?? ''}`);
      }
    }
    expect(wrong, `${route.method} ${route.url}`).toEqual([]);
  });
});
