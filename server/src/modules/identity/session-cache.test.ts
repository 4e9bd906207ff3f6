import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, startTestApp, signIn, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { identityRepo } from './identity.repo.ts';

/**
 * Session checks are kept between requests: every change that ends a session must still apply to
 * the very next request. Each test warms the kept check with a request first.
 */
describe.each(ENGINES)('kept session checks on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const who = (session: { request: TestApp['admin']['request'] }) => session.request({ method: 'GET', url: '/api/auth/session' });

  it('ends a disabled account’s session at the next request, and an enabled one stays signed out', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    expect((await who(session)).statusCode).toBe(200);
    expect((await t.admin.request({ method: 'POST', url: `/api/users/${user.id}/disable` })).statusCode).toBe(200);
    expect((await who(session)).statusCode).toBe(401);
    expect((await t.admin.request({ method: 'POST', url: `/api/users/${user.id}/enable` })).statusCode).toBe(200);
    expect((await who(session)).statusCode).toBe(401);
  });

  it('ends the other sessions of an account whose password changed, and keeps the one that changed it', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const other = await signIn(t.app, user.username, TEST_PASSWORD);
    expect((await who(other)).statusCode).toBe(200);
    const newPassword = 'Another#Pass2026';
    const changed = await session.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await who(other)).statusCode).toBe(401);
    expect((await who(session)).statusCode).toBe(200);
  });

  it('touches a session once a minute, not once per request in flight', async () => {
    const { session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    expect((await who(session)).statusCode).toBe(200);
    const touch = vi.spyOn(identityRepo, 'touchSession');
    try {
      t.clock.advance(2 * 60_000);
      const answers = await Promise.all(Array.from({ length: 20 }, () => who(session)));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
      expect(touch).toHaveBeenCalledTimes(1);
    } finally {
      touch.mockRestore();
    }
  });

  it('still ends an idle session when its check was kept', async () => {
    const { session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    expect((await who(session)).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const idle = await who(session);
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('session_expired');
  });
});
