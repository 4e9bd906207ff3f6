import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPerson, buildSignedInUser } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { inTransaction } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { deliverDueNotifications } from '../../platform/notifications/deliver.ts';

/** A group robot of our own: answers errcode 0, or whatever `refuse` says. */
async function startRobot() {
  const received: { path: string; body: any }[] = [];
  let refusal: { errcode: number; errmsg: string } | null = null;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ path: new URL(req.url!, 'http://x').pathname, body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(refusal ?? { errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    received,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refuse: (r: typeof refusal) => (refusal = r),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(ENGINES)('channel test send and delivery retry on %s', (engine) => {
  let t: TestApp;
  let robot: Awaited<ReturnType<typeof startRobot>>;
  beforeAll(async () => {
    t = await startTestApp(engine);
    robot = await startRobot();
  });
  afterAll(async () => {
    await robot.close();
    await t.close();
  });

  const addChannel = async (name: string, path: string, enabled = true) => {
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/notification-channels',
      payload: { kind: 'wecom', name, target: `${robot.base}${path}?key=k-${name}`, enabled },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; version: number };
  };

  it('sends one test message now and says what the robot answered, even for a disabled channel', async () => {
    const ch = await addChannel('测试群', '/ok', false);
    try {
      const sent = await t.admin.request({ method: 'POST', url: `/api/notification-channels/${ch.id}/test`, payload: {} });
      expect(sent.statusCode).toBe(200);
      expect(sent.json()).toEqual({ ok: true, error: null, at: t.clock.now().toISOString() });
      const got = robot.received.filter((r) => r.path === '/ok');
      expect(got).toHaveLength(1);
      expect(got[0]!.body.markdown.content).toContain('【测试】勤廉平台通知通道');

      robot.refuse({ errcode: 93000, errmsg: 'invalid webhook url' });
      const refused = (await t.admin.request({ method: 'POST', url: `/api/notification-channels/${ch.id}/test`, payload: {} })).json();
      expect(refused).toMatchObject({ ok: false, error: 'errcode 93000: invalid webhook url' });
      // nothing was queued for it: a test is not a delivery
      expect(await t.db.db.selectFrom('notificationDeliveries').select('id').where('channelId', '=', ch.id).execute()).toEqual([]);
      const audit = (await t.admin.request({ method: 'GET', url: `/api/audit?entityType=notification_channel&entityId=${ch.id}` })).json();
      expect(audit.items.filter((e: any) => e.action === 'notification_channel.test')).toHaveLength(2);
    } finally {
      robot.refuse(null);
      await t.admin.request({ method: 'DELETE', url: `/api/notification-channels/${ch.id}` });
    }
  });

  it('asks an e-mail test for its recipient, naming the field', async () => {
    const mail = await t.admin.request({
      method: 'POST',
      url: '/api/notification-channels',
      payload: { kind: 'email', name: '测试邮件', target: 'smtp://127.0.0.1:9', from: 'a@b.cn', enabled: false },
    });
    try {
      const res = await t.admin.request({ method: 'POST', url: `/api/notification-channels/${mail.json().id}/test`, payload: {} });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([{ path: 'body.to', message: '必填' }]);
      const bad = await t.admin.request({ method: 'POST', url: `/api/notification-channels/${mail.json().id}/test`, payload: { to: 'x' } });
      expect(bad.json().error.fields[0].path).toBe('body.to');
    } finally {
      await t.admin.request({ method: 'DELETE', url: `/api/notification-channels/${mail.json().id}` });
    }
  });

  it('retries a failed delivery once more, filters by channel, and refuses to retry one that did not fail', async () => {
    const ch = await addChannel('重试群', '/retry');
    const other = await addChannel('别的群', '/other');
    const deps = { db: t.db.db, clock: t.clock, config: t.config };
    try {
      const person = await buildPerson(t);
      await inTransaction(systemCtx(t.db, t.clock), (tx) =>
        notify(tx, {
          kind: 'task.urge',
          recipientPersonIds: [person.id],
          title: '催办 重试',
          body: '请报送进展',
          entityType: 'task',
          entityId: 't-retry',
          dedupeKey: `retry-test:${person.id}`,
        }),
      );
      // switched off before the job ran: the delivery fails at once, without using its retries
      await t.admin.request({ method: 'PATCH', url: `/api/notification-channels/${ch.id}`, payload: { enabled: false } });
      await deliverDueNotifications(deps);
      const list = (await t.admin.request({ method: 'GET', url: `/api/notification-deliveries?channelId=${ch.id}` })).json();
      expect(list.total).toBe(1);
      const failed = list.items[0];
      expect(failed).toMatchObject({ channelName: '重试群', status: 'failed', attempts: 1, abilities: { retry: true } });
      const others = (await t.admin.request({ method: 'GET', url: `/api/notification-deliveries?channelId=${other.id}` })).json();
      expect(others.items.map((d: any) => d.channelId)).toEqual([other.id]);

      await t.admin.request({ method: 'PATCH', url: `/api/notification-channels/${ch.id}`, payload: { enabled: true } });
      const retried = await t.admin.request({ method: 'POST', url: `/api/notification-deliveries/${failed.id}/retry` });
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({ status: 'queued', attempts: 1, maxAttempts: failed.maxAttempts, abilities: { retry: false } });
      await deliverDueNotifications(deps);
      const after = (await t.admin.request({ method: 'GET', url: `/api/notification-deliveries?channelId=${ch.id}` })).json().items[0];
      expect(after).toMatchObject({ status: 'sent', attempts: 2 });
      expect(robot.received.filter((r) => r.path === '/retry')).toHaveLength(1);

      const again = await t.admin.request({ method: 'POST', url: `/api/notification-deliveries/${failed.id}/retry` });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'delivery_not_failed', message: '只有投递失败的记录可以重试（当前为“已发送”）' });
      expect((await t.admin.request({ method: 'POST', url: '/api/notification-deliveries/nope/retry' })).statusCode).toBe(404);
      const audit = (await t.admin.request({ method: 'GET', url: `/api/audit?entityType=notification_delivery` })).json();
      expect(audit.items.map((e: any) => e.action)).toEqual(['notification_delivery.retry']);
    } finally {
      await t.admin.request({ method: 'DELETE', url: `/api/notification-channels/${ch.id}` });
      await t.admin.request({ method: 'DELETE', url: `/api/notification-channels/${other.id}` });
    }
  });

  it('keeps test sends and retries from everyone without notifications.manage', async () => {
    const { session } = await buildSignedInUser(t, { permissions: ['org.read', 'users.manage'] });
    const test = await session.request({ method: 'POST', url: '/api/notification-channels/x1/test', payload: {} });
    const retry = await session.request({ method: 'POST', url: '/api/notification-deliveries/x1/retry' });
    expect([test.statusCode, retry.statusCode]).toEqual([403, 403]);
    const { session: manager } = await buildSignedInUser(t, { permissions: ['notifications.manage'] });
    expect((await manager.request({ method: 'POST', url: '/api/notification-channels/x1/test', payload: {} })).statusCode).toBe(404);
  });
});
