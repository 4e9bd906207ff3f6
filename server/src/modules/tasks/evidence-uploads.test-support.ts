import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import type { Engine } from '../../platform/db/database.ts';

/**
 * A reader who uploads evidence through the real app, for one describe block on one engine: the app
 * started before its tests and closed after them (`t` and `s` are there once `beforeAll` has run).
 */
export function evidenceUploadsOn(engine: Engine) {
  let t: TestApp;
  let s: Session;
  beforeAll(async () => {
    t = await startTestApp(engine);
    s = (await buildSignedInUser(t, { permissions: ['tasks.read'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });
  return {
    get t() {
      return t;
    },
    get s() {
      return s;
    },
    upload: (filename: string, contentType: string, data: Buffer, lang = 'zh-CN') => {
      const body = multipartFile({ filename, contentType, data });
      return s.request({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, 'accept-language': lang } });
    },
    /** how many files are recorded: a refused upload leaves it as it was */
    storedFiles: async () => (await t.db.db.selectFrom('files').select('id').execute()).length,
  };
}
