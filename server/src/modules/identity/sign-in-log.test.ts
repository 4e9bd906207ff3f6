import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser, TEST_PASSWORD } from '../../../test/factories.ts';

const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe.each(ENGINES)('sign-in log on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('names the browser and system for people, and keeps the header as sent', async () => {
    const { user } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const login = (userAgent: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'user-agent': userAgent },
        payload: { username: user.username, password: TEST_PASSWORD },
      });
    expect((await login(CHROME_ON_WINDOWS)).statusCode).toBe(200);
    expect((await login('某个内部脚本')).statusCode).toBe(200);
    const log = await t.admin.request({ method: 'GET', url: `/api/sign-ins?username=${user.username}` });
    // newest first; the factory's own sign-in comes last
    expect(
      log
        .json()
        .items.slice(0, 2)
        .map((e: { client: string | null; userAgent: string }) => [e.client, e.userAgent]),
    ).toEqual([
      [null, '某个内部脚本'],
      ['Chrome 131 · Windows 10', CHROME_ON_WINDOWS],
    ]);
  });
});
