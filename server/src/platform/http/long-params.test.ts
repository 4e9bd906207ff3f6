import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

/** A path parameter longer than the router's default (100 characters) still reaches its route's own validation. */
describe('long path parameters', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('answers a 300-character tracking code with the route’s 400, not 404 route_not_found', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/demands/${'X'.repeat(300)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).not.toBe('route_not_found');
  });

  it('answers a 300-character id in the console with a 4xx of the route, never route_not_found', async () => {
    const res = await t.admin.request({ method: 'GET', url: `/api/tasks/${'a'.repeat(300)}` });
    expect([400, 404]).toContain(res.statusCode);
    expect(res.json().error.code).not.toBe('route_not_found');
  });
});
