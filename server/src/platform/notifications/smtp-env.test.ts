import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPerson } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { inTransaction } from '../context.ts';
import { deliverDueNotifications } from './deliver.ts';
import { notify } from './notify.ts';

describe('SMTP settings from the environment', () => {
  it('names the missing sender when only QINLIAN_SMTP_URL is set', () => {
    expect(() => loadConfig({ QINLIAN_SMTP_URL: 'smtp://mail.example.gov.cn:25' })).toThrow(
      /QINLIAN_SMTP_FROM: required when QINLIAN_SMTP_URL is set/,
    );
    expect(() => loadConfig({ QINLIAN_SMTP_URL: 'http://mail' })).toThrow(/QINLIAN_SMTP_URL/);
    expect(loadConfig({ QINLIAN_SMTP_URL: 'smtps://u:p@mail.example.gov.cn', QINLIAN_SMTP_FROM: 'a@b.cn' }).smtp).toEqual({
      url: 'smtps://u:p@mail.example.gov.cn',
      from: 'a@b.cn',
    });
    expect(loadConfig({}).jobs).toEqual({ enabled: true, pollMs: 5000 });
    expect(loadConfig({ QINLIAN_JOBS: 'off', QINLIAN_JOBS_POLL_SECONDS: '0.5' }).jobs).toEqual({ enabled: false, pollMs: 500 });
  });
});

describe.each(ENGINES)('e-mail through QINLIAN_SMTP_URL (no channel row) on %s', (engine) => {
  let t: TestApp;
  let server: SMTPServer;
  const received: { rcpt: string[]; user: string | undefined; mail: ParsedMail }[] = [];
  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _s, cb) {
        cb(auth.username === 'duban' && auth.password === 'p@ss' ? null : new Error('bad auth'), { user: auth.username });
      },
      onData(stream, session, cb) {
        simpleParser(stream).then((mail) => {
          received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, mail });
          cb();
        }, cb);
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as AddressInfo).port;
    t = await startTestApp(engine, {
      smtp: { url: `smtp://duban:p%40ss@127.0.0.1:${port}`, from: '勤廉办 <noreply@qinlian.test>' },
      publicUrl: 'https://qinlian.example.gov.cn',
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("authenticates with the URL's credentials and links into the console", async () => {
    const person = await buildPerson(t);
    await t.db.db.updateTable('people').set({ email: 'lisi@qinlian.test' }).where('id', '=', person.id).execute();
    await inTransaction(systemCtx(t.db, t.clock), (tx) =>
      notify(tx, {
        kind: 'task.urge',
        recipientPersonIds: [person.id],
        title: '催办：请于本周五前报送进展',
        body: '请抓紧推进。',
        link: '/tasks/abc',
        dedupeKey: `env-${engine}`,
      }),
    );
    expect(await deliverDueNotifications({ db: t.db.db, clock: t.clock, config: t.config })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ rcpt: ['lisi@qinlian.test'], user: 'duban' });
    expect(received[0]!.mail.subject).toBe('催办：请于本周五前报送进展');
    expect(received[0]!.mail.from?.value[0]).toEqual({ address: 'noreply@qinlian.test', name: '勤廉办' });
    expect(received[0]!.mail.text).toContain('https://qinlian.example.gov.cn/tasks/abc');
  });
});
