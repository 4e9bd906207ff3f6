import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { inTransaction } from '../context.ts';
import { enqueueDueCrons, runDueJobs, type JobDeps } from '../jobs/runner.ts';
import { notificationDeliveryJob, deliverDueNotifications } from './deliver.ts';
import { notify, type NotificationInput } from './notify.ts';

/** An SMTP server of our own on a free loopback port, keeping what it receives. */
async function startSmtp() {
  const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** An HTTP receiver standing in for DingTalk and WeCom; `answer` decides each status code. */
async function startReceiver() {
  const requests: { url: URL; body: any }[] = [];
  let answer: (n: number) => number = () => 200;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      requests.push({ url: new URL(req.url!, 'http://x'), body: JSON.parse(raw) });
      const status = answer(requests.length);
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify(status === 200 ? { errcode: 0, errmsg: 'ok' } : { error: 'busy' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    requests,
    base,
    answerWith: (f: (n: number) => number) => {
      answer = f;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(ENGINES)('notifications on %s', (engine) => {
  let t: TestApp;
  let deps: JobDeps;
  beforeAll(async () => {
    t = await startTestApp(engine, { sessionIdleMinutes: 1440 }); // the tests move the clock by hours
    deps = { db: t.db.db, engine: t.db.engine, clock: t.clock, config: t.config, jobs: [notificationDeliveryJob] };
  });
  afterAll(async () => {
    await t.close();
  });

  const ctx = () => systemCtx(t.db, t.clock);
  const admin = { request: (opts: Parameters<Session['request']>[0]) => t.admin.request(opts) };
  const message = (over: Partial<NotificationInput> & { recipientPersonIds: string[] }): NotificationInput => ({
    kind: 'task.urge',
    title: '【督办】请报送进展',
    body: '任务“优化营商环境”已逾期，请立即推进。',
    link: '/tasks/1',
    dedupeKey: crypto.randomUUID(),
    ...over,
  });
  const withEmail = async (departmentId?: string) => {
    const person = await buildPerson(t, departmentId ? { departmentId } : {});
    const email = `p${person.id.slice(-8)}@qinlian.test`;
    await t.db.db.updateTable('people').set({ email }).where('id', '=', person.id).execute();
    return { ...person, email };
  };
  const deliveriesOf = (dedupeKey: string) =>
    t.db.db.selectFrom('notificationDeliveries').selectAll().where('dedupeKey', 'like', `${dedupeKey}|%`).orderBy('channel').execute();

  /** Earlier tests' leftovers (deleted channels) must not count in this one's figures. */
  const clearQueue = () => t.db.db.updateTable('notificationDeliveries').set({ status: 'failed' }).where('status', '=', 'queued').execute();
  /** The real path: the cron tick enqueues this minute's `notification-delivery`, the runner runs it. */
  const runDeliveryJob = async () => {
    t.clock.advance(60_000); // the next minute's occurrence
    await enqueueDueCrons(deps, t.clock.now());
    return runDueJobs(deps, { instanceId: 'test' });
  };

  it("writes nothing when the caller's transaction rolls back", async () => {
    const person = await withEmail();
    const input = message({ recipientPersonIds: [person.id] });
    await expect(
      inTransaction(ctx(), async (tx) => {
        await notify(tx, input);
        throw new Error('the causing write failed');
      }),
    ).rejects.toThrow('the causing write failed');
    expect(await t.db.db.selectFrom('notifications').selectAll().where('personId', '=', person.id).execute()).toEqual([]);
    expect(await deliveriesOf(input.dedupeKey)).toEqual([]);
  });

  it('asked twice with one dedupe key, delivers once', async () => {
    const [a, b] = [await buildPerson(t), await buildPerson(t)];
    const input = message({ recipientPersonIds: [a.id, b.id, a.id] });
    const first = await inTransaction(ctx(), (tx) => notify(tx, input));
    const again = await inTransaction(ctx(), (tx) => notify(tx, input));
    expect(first.inbox).toBe(2);
    expect(again).toEqual({ inbox: 0, deliveries: 0 });
    const inbox = await t.db.db.selectFrom('notifications').selectAll().where('dedupeKey', 'like', `${input.dedupeKey}|%`).execute();
    expect(inbox.map((r) => r.personId).sort()).toEqual([a.id, b.id].sort());
    const inApp = (await deliveriesOf(input.dedupeKey)).filter((d) => d.channel === 'inapp');
    expect(inApp).toHaveLength(2);
    expect(inApp.every((d) => d.status === 'sent' && d.sentAt)).toBe(true);
  });

  it('sends e-mail over SMTP with the Chinese subject to the right person, once', async () => {
    const smtp = await startSmtp();
    try {
      const created = await admin.request({
        method: 'POST',
        url: '/api/notification-channels',
        payload: { kind: 'email', name: '督办邮件', target: `smtp://127.0.0.1:${smtp.port}`, from: '勤廉办 <duban@qinlian.test>' },
      });
      expect(created.statusCode).toBe(201);
      const person = await withEmail();
      const input = message({ recipientPersonIds: [person.id], title: '【督办预警·红灯】R-01 优化营商环境 已逾期' });
      await inTransaction(ctx(), (tx) => notify(tx, input));
      expect(smtp.received).toHaveLength(0); // nothing leaves before the job runs

      expect(await runDeliveryJob()).toMatchObject({ done: 1 });
      expect(smtp.received).toHaveLength(1);
      const { mail, envelopeTo } = smtp.received[0]!;
      expect(mail.subject).toBe('【督办预警·红灯】R-01 优化营商环境 已逾期');
      expect(envelopeTo).toEqual([person.email]);
      expect((mail.to as { value: { address: string; name: string }[] }).value[0]).toEqual({ address: person.email, name: person.name });
      expect(mail.from?.value[0]?.address).toBe('duban@qinlian.test');
      expect(mail.text).toContain('任务“优化营商环境”已逾期');

      const email = (await deliveriesOf(input.dedupeKey)).find((d) => d.channel === 'email')!;
      expect(email).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      t.clock.advance(3_600_000);
      await runDeliveryJob();
      await inTransaction(ctx(), (tx) => notify(tx, input));
      await runDeliveryJob();
      expect(smtp.received).toHaveLength(1);
      await admin.request({ method: 'DELETE', url: `/api/notification-channels/${created.json().id}` });
    } finally {
      await smtp.close();
    }
  });

  it("posts DingTalk (signed) and WeCom markdown to the robots of the recipient's department", async () => {
    const rx = await startReceiver();
    await clearQueue();
    try {
      const dept = await buildDepartment(t);
      const sub = await buildDepartment(t, { parentId: dept.id });
      const other = await buildDepartment(t);
      const secret = 'SEC0123456789abcdef';
      const ding = await admin.request({
        method: 'POST',
        url: '/api/notification-channels',
        payload: {
          kind: 'dingtalk',
          name: '督办钉钉群',
          target: `${rx.base}/robot/send?access_token=tok123456789`,
          secret,
          departmentId: dept.id,
        },
      });
      const wecom = await admin.request({
        method: 'POST',
        url: '/api/notification-channels',
        payload: { kind: 'wecom', name: '企业微信群', target: `${rx.base}/cgi-bin/webhook/send?key=wx-key-0001`, departmentId: dept.id },
      });
      const elsewhere = await admin.request({
        method: 'POST',
        url: '/api/notification-channels',
        payload: { kind: 'wecom', name: '别的部门', target: `${rx.base}/other`, departmentId: other.id },
      });
      expect([ding.statusCode, wecom.statusCode, elsewhere.statusCode]).toEqual([201, 201, 201]);
      expect(ding.json()).toMatchObject({ hasSecret: true, targetMasked: `${rx.base}/robot/send?access_token=tok1****6789` });
      expect(JSON.stringify(ding.json())).not.toContain(secret);

      const [p1, p2] = [await buildPerson(t, { departmentId: dept.id }), await buildPerson(t, { departmentId: sub.id })];
      const input = message({ recipientPersonIds: [p1.id, p2.id], title: '【升级督办】R-02 招商引资' });
      await inTransaction(ctx(), (tx) => notify(tx, input));
      await runDeliveryJob();

      expect(rx.requests).toHaveLength(2); // one per robot, naming both people; none to the other department
      const dingReq = rx.requests.find((r) => r.url.pathname === '/robot/send')!;
      expect(dingReq.body).toEqual({
        msgtype: 'markdown',
        markdown: { title: '【升级督办】R-02 招商引资', text: expect.stringContaining('任务“优化营商环境”已逾期') },
      });
      expect(dingReq.body.markdown.text).toContain(`接收人：${p1.name}、${p2.name}`);
      const timestamp = dingReq.url.searchParams.get('timestamp')!;
      expect(Number(timestamp)).toBe(t.clock.now().getTime());
      const expected = crypto.createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
      expect(dingReq.url.searchParams.get('sign')).toBe(expected);
      expect(dingReq.url.searchParams.get('access_token')).toBe('tok123456789');
      const wxReq = rx.requests.find((r) => r.url.pathname === '/cgi-bin/webhook/send')!;
      expect(wxReq.body.msgtype).toBe('markdown');
      expect(wxReq.body.markdown.content).toMatch(/^\*\*【升级督办】R-02 招商引资\*\*\n任务“优化营商环境”已逾期/);
      expect(wxReq.url.searchParams.get('key')).toBe('wx-key-0001');
      for (const c of [ding, wecom, elsewhere]) await admin.request({ method: 'DELETE', url: `/api/notification-channels/${c.json().id}` });
    } finally {
      await rx.close();
    }
  });

  it('retries a robot answering 500 twice with backoff, then succeeds exactly once', async () => {
    const rx = await startReceiver();
    rx.answerWith((n) => (n <= 2 ? 500 : 200));
    await clearQueue();
    try {
      const ch = await admin.request({
        method: 'POST',
        url: '/api/notification-channels',
        payload: { kind: 'wecom', name: '重试测试群', target: `${rx.base}/hook?key=k` },
      });
      const person = await buildPerson(t);
      const input = message({ recipientPersonIds: [person.id] });
      await inTransaction(ctx(), (tx) => notify(tx, input));
      const deps2 = { db: t.db.db, clock: t.clock, config: t.config };
      const robot = async () => (await deliveriesOf(input.dedupeKey)).find((d) => d.channel === 'wecom')!;

      expect(await deliverDueNotifications(deps2)).toMatchObject({ retried: 1 });
      expect(await robot()).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('HTTP 500') });
      expect((await robot()).nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 60_000).toISOString());
      await deliverDueNotifications(deps2); // not due yet: nothing sent
      expect(rx.requests).toHaveLength(1);

      t.clock.advance(60_000);
      expect(await deliverDueNotifications(deps2)).toMatchObject({ retried: 1 });
      expect((await robot()).nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 120_000).toISOString());
      t.clock.advance(60_000);
      await deliverDueNotifications(deps2);
      expect(rx.requests).toHaveLength(2);
      t.clock.advance(60_000);
      // two runners at once (two instances' jobs overlapping): one claims it, the other finds nothing
      const both = await Promise.all([deliverDueNotifications(deps2), deliverDueNotifications(deps2)]);
      expect(both.reduce((n, s) => n + s.sent, 0)).toBe(1);
      expect(await robot()).toMatchObject({ status: 'sent', attempts: 3, lastError: null });

      for (let i = 0; i < 5; i++) {
        t.clock.advance(3_600_000);
        await runDeliveryJob();
      }
      expect(rx.requests).toHaveLength(3);
      const listed = await admin.request({ method: 'GET', url: '/api/notification-deliveries?channel=wecom&status=sent' });
      expect(listed.json().items.find((d: any) => d.channelName === '重试测试群')).toMatchObject({
        attempts: 3,
        status: 'sent',
        channelName: '重试测试群',
      });
      await admin.request({ method: 'DELETE', url: `/api/notification-channels/${ch.json().id}` });
    } finally {
      await rx.close();
    }
  });

  it('gives up after max attempts and shows the error in the delivery record', async () => {
    const rx = await startReceiver();
    rx.answerWith(() => 500);
    await clearQueue();
    try {
      const ch = await admin.request({
        method: 'POST',
        url: '/api/notification-channels',
        payload: { kind: 'dingtalk', name: '坏掉的群', target: `${rx.base}/broken` },
      });
      const person = await buildPerson(t);
      const input = message({ recipientPersonIds: [person.id] });
      await inTransaction(ctx(), (tx) => notify(tx, input));
      const deps2 = { db: t.db.db, clock: t.clock, config: t.config };
      for (let i = 0; i < 10; i++) {
        await deliverDueNotifications(deps2);
        t.clock.advance(3_600_000);
      }
      const d = (await deliveriesOf(input.dedupeKey)).find((x) => x.channel === 'dingtalk')!;
      expect(d).toMatchObject({ status: 'failed', attempts: 6, lastError: expect.stringContaining('HTTP 500') });
      expect(rx.requests).toHaveLength(6);
      const failed = await admin.request({ method: 'GET', url: '/api/notification-deliveries?status=failed' });
      expect(failed.json().items.map((x: any) => x.id)).toContain(d.id);
      await admin.request({ method: 'DELETE', url: `/api/notification-channels/${ch.json().id}` });
    } finally {
      await rx.close();
    }
  });
});
