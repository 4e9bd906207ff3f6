import { describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { ENGINES } from '../harness.ts';
import { registeredRoutes, ROLES, worldOn, type Scope } from './world.ts';
import { MATRIX, matrixRow, missingRowHelp, routeKey } from './authz-matrix.ts';

/**
 * 2. Authorization matrix: each row of MATRIX (authz-matrix.ts) run as each role against a fresh
 * in-scope and out-of-scope record, on both engines; a registered route without a row fails.
 * HEAD routes are checked with their GET row.
 */
const ROUTES = await registeredRoutes();
// a live stream (GET …/live) stays open while its client does: its row is checked through the HEAD route
const CHECKED = ROUTES.filter((r) => matrixRow(r) && !(r.method === 'GET' && r.url.endsWith('/live')));

describe('authorization matrix: coverage', () => {
  it('has a row for every registered route (a new route must add one)', () => {
    const missing = ROUTES.filter((r) => r.method !== 'HEAD' && !MATRIX[routeKey(r)]).map((r) => missingRowHelp(r.method, r.url));
    expect(missing, `\n${missing.join('\n\n')}\n`).toEqual([]);
  });

  it('has no row for a route that no longer exists', () => {
    const registered = new Set(ROUTES.map(routeKey));
    expect(
      Object.keys(MATRIX).filter((k) => !registered.has(k)),
      'rows for routes the app does not register: remove them',
    ).toEqual([]);
  });
});

describe.each(ENGINES)('authorization matrix on %s', (engine) => {
  const world = worldOn(engine);

  it.each(CHECKED)('$method $url', async (route) => {
    const { w } = world;
    const row = matrixRow(route)!;
    const scopes: Scope[] = row.out ? ['in', 'out'] : ['in'];
    const wrong: string[] = [];
    for (const scope of scopes) {
      const expected = scope === 'in' ? row.in : row.out!;
      for (const role of ROLES) {
        const client = await w.client(role);
        const opts: InjectOptions = await row.request(w, scope, client);
        const res = await client.request({ ...opts, method: route.method as InjectOptions['method'] });
        if (res.statusCode !== expected[role]) {
          wrong.push(
            `${role} on ${scope}-scope record: expected ${expected[role]}, got ${res.statusCode} ${route.method === 'HEAD' ? '' : res.body.slice(0, 200)}`,
          );
        }
      }
    }
    if (row.hidden && route.method === 'GET') {
      const hiddenId = await row.hidden(w);
      for (const role of ROLES.filter((r) => row.in[r] === 200)) {
        const client = await w.client(role);
        const res = await client.request({ ...(await row.request(w, 'in', client)), method: 'GET' });
        const shouldHide = role === 'deptHead' || role === 'staff' || role === 'token';
        if (shouldHide && res.body.includes(hiddenId)) wrong.push(`${role} sees out-of-scope record ${hiddenId} in the list`);
        if (!shouldHide && !res.body.includes(hiddenId)) wrong.push(`${role} (scope all) does not see ${hiddenId} in the list`);
      }
    }
    expect(wrong, `${route.method} ${route.url}`).toEqual([]);
  });
});
