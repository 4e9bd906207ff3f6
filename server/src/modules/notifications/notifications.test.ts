import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildSignedInUser } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { inTransaction } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';

describe.each(ENGINES)('inbox and notification channels API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const tell = (personId: string, n: number) =>
    inTransaction(systemCtx(t.db, t.clock), (tx) =>
      notify(tx, {
        kind: 'task.urge',
        recipientPersonIds: [personId],
        title: `催办 ${n}`,
        body: `请报送第 ${n} 项进展`,
        link: `/tasks/${n}`,
        entityType: 'task',
        entityId: `t${n}`,
        dedupeKey: `inbox-test:${personId}:${n}`,
      }),
    );

  it('shows me my notifications, counts the unread, and marks them read', async () => {
    const me = await buildPerson(t);
    const { session } = await buildSignedInUser(t, { permissions: ['org.read'], personId: me.id });
    for (const n of [1, 2, 3]) {
      await tell(me.id, n);
      t.clock.advance(1_000);
    }

    expect((await session.request({ method: 'GET', url: '/api/inbox/unread-count' })).json()).toEqual({ count: 3 });
    const page = (await session.request({ method: 'GET', url: '/api/inbox?pageSize=2' })).json();
    expect(page.total).toBe(3);
    expect(page.items.map((i: any) => i.title)).toEqual(['催办 3', '催办 2']); // newest first
    expect(page.items[0]).toMatchObject({
      body: '请报送第 3 项进展',
      link: '/tasks/3',
      entityType: 'task',
      entityId: 't3',
      readAt: null,
      abilities: { markRead: true },
    });

    const read = await session.request({ method: 'POST', url: `/api/inbox/${page.items[0].id}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ readAt: t.clock.now().toISOString(), abilities: { markRead: false } });
    expect((await session.request({ method: 'POST', url: `/api/inbox/${page.items[0].id}/read` })).statusCode).toBe(200); // again: harmless
    expect((await session.request({ method: 'GET', url: '/api/inbox/unread-count' })).json()).toEqual({ count: 2 });
    const unread = (await session.request({ method: 'GET', url: '/api/inbox?unread=true' })).json();
    expect(unread.items.map((i: any) => i.title)).toEqual(['催办 2', '催办 1']);

    expect((await session.request({ method: 'POST', url: '/api/inbox/read-all' })).json()).toEqual({ count: 2 });
    expect((await session.request({ method: 'GET', url: '/api/inbox/unread-count' })).json()).toEqual({ count: 0 });
    expect((await session.request({ method: 'GET', url: '/api/inbox' })).json().total).toBe(3);

    const audit = (await t.admin.request({ method: 'GET', url: '/api/audit?entityType=notification' })).json();
    expect(audit.items.map((e: any) => e.action).sort()).toEqual(['notification.read', 'notification.read_all']);
  });

  it("answers 404 for someone else's notification and never shows it", async () => {
    const [owner, other] = [await buildPerson(t), await buildPerson(t)];
    await tell(owner.id, 9);
    const { session: stranger } = await buildSignedInUser(t, { permissions: ['org.read', 'people.read'], personId: other.id });
    const id = (await t.db.db.selectFrom('notifications').select('id').where('personId', '=', owner.id).executeTakeFirstOrThrow()).id;
    const res = await stranger.request({ method: 'POST', url: `/api/inbox/${id}/read` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await stranger.request({ method: 'GET', url: '/api/inbox' })).json()).toMatchObject({ items: [], total: 0 });
    expect((await t.admin.request({ method: 'POST', url: `/api/inbox/${id}/read` })).statusCode).toBe(404); // even the admin: it is not theirs
    expect((await t.admin.request({ method: 'GET', url: '/api/inbox/unread-count' })).json()).toEqual({ count: 0 }); // no person, no inbox
    const row = await t.db.db.selectFrom('notifications').select('readAt').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.readAt).toBeNull();
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/inbox/unread-count' })).statusCode).toBe(401);
  });

  it('lets administrators manage channels; secrets are write-only and every change is audited', async () => {
    const dept = await buildDepartment(t);
    const created = await t.admin.request({
      method: 'POST',
      url: '/api/notification-channels',
      payload: {
        kind: 'dingtalk',
        name: '督查钉钉群',
        target: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789',
        secret: 'SECsupersecret',
        departmentId: dept.id,
      },
    });
    expect(created.statusCode).toBe(201);
    const ch = created.json();
    expect(ch).toMatchObject({
      kind: 'dingtalk',
      hasSecret: true,
      enabled: true,
      departmentId: dept.id,
      departmentName: dept.name,
      targetMasked: 'https://oapi.dingtalk.com/robot/send?access_token=abcd****6789',
    });
    const stored = await t.db.db.selectFrom('notificationChannels').selectAll().where('id', '=', ch.id).executeTakeFirstOrThrow();
    expect(stored.secret).toMatch(/^v1:/);
    expect(stored.secret).not.toContain('supersecret');

    const patched = await t.admin.request({
      method: 'PATCH',
      url: `/api/notification-channels/${ch.id}`,
      payload: { enabled: false, secret: null, version: ch.version },
    });
    expect(patched.json()).toMatchObject({ enabled: false, hasSecret: false, version: 2 });
    const stale = await t.admin.request({
      method: 'PATCH',
      url: `/api/notification-channels/${ch.id}`,
      payload: { name: 'x', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const list = await t.admin.request({ method: 'GET', url: '/api/notification-channels' });
    expect(JSON.stringify(list.json())).not.toMatch(/supersecret|0123456789/);
    expect((await t.admin.request({ method: 'DELETE', url: `/api/notification-channels/${ch.id}` })).statusCode).toBe(200);
    expect((await t.admin.request({ method: 'GET', url: `/api/notification-channels/${ch.id}` })).statusCode).toBe(404);

    const audit = (await t.admin.request({ method: 'GET', url: `/api/audit?entityType=notification_channel` })).json();
    expect(audit.items.map((e: any) => e.action).sort()).toEqual([
      'notification_channel.create',
      'notification_channel.delete',
      'notification_channel.update',
    ]);
    const raw = await t.db.db
      .selectFrom('auditEvents')
      .select(['beforeJson', 'afterJson'])
      .where('entityType', '=', 'notification_channel')
      .execute();
    expect(JSON.stringify(raw)).not.toMatch(/supersecret|v1:/);
  });

  it('refuses channels that cannot work, naming the field', async () => {
    const noUrl = await t.admin.request({
      method: 'POST',
      url: '/api/notification-channels',
      payload: { kind: 'wecom', name: '企业微信' },
    });
    expect(noUrl.statusCode).toBe(400);
    expect(noUrl.json().error.fields).toEqual([
      { path: 'body.target', message: '请填写群机器人的 Webhook 地址（http:// 或 https:// 开头）' },
    ]);
    const badSmtp = await t.admin.request({
      method: 'POST',
      url: '/api/notification-channels',
      headers: { 'accept-language': 'en' },
      payload: { kind: 'email', name: 'mail', target: 'https://mail.example.com', from: 'a@b.cn' },
    });
    expect(badSmtp.json().error.fields[0]).toEqual({
      path: 'body.target',
      message: 'the SMTP URL must be smtp://host:port or smtps://host:465',
    });
    const wecomSecret = await t.admin.request({
      method: 'POST',
      url: '/api/notification-channels',
      payload: { kind: 'wecom', name: 'w', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1', secret: 'x' },
    });
    expect(wecomSecret.json().error.fields[0].path).toBe('body.secret');
    const first = await t.admin.request({
      method: 'POST',
      url: '/api/notification-channels',
      payload: { kind: 'email', name: '邮件一', target: 'smtp://mail.example.com:25', from: 'a@b.cn' },
    });
    expect(first.statusCode).toBe(201);
    const second = await t.admin.request({
      method: 'POST',
      url: '/api/notification-channels',
      payload: { kind: 'email', name: '邮件二', target: 'smtp://mail2.example.com:25', from: 'a@b.cn' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('email_channel_exists');
    expect(await t.db.db.selectFrom('notificationChannels').select('name').where('name', '=', '邮件二').execute()).toEqual([]);
    await t.admin.request({ method: 'DELETE', url: `/api/notification-channels/${first.json().id}` });
  });

  it('keeps channels and the delivery record from everyone without notifications.manage', async () => {
    const { session } = await buildSignedInUser(t, { permissions: ['org.read', 'people.read', 'users.manage'] });
    for (const [method, url] of [
      ['GET', '/api/notification-channels'],
      ['POST', '/api/notification-channels'],
      ['PATCH', '/api/notification-channels/x1'],
      ['DELETE', '/api/notification-channels/x1'],
      ['GET', '/api/notification-deliveries'],
    ] as const) {
      const res = await session.request({
        method,
        url,
        payload: method === 'POST' || method === 'PATCH' ? { kind: 'wecom', name: 'x', target: 'https://a.b/c' } : undefined,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    const { session: manager } = await buildSignedInUser(t, { permissions: ['notifications.manage'] });
    expect((await manager.request({ method: 'GET', url: '/api/notification-deliveries?status=sent' })).statusCode).toBe(200);
  });

  it('lists deliveries with person and channel names, filtered by status', async () => {
    // a group robot for everyone: each notice queues one robot delivery beside the in-app one (sent at once)
    const robot = await t.admin.request({
      method: 'POST',
      url: '/api/notification-channels',
      payload: { kind: 'wecom', name: '督查企业微信群', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=deliveries' },
    });
    expect(robot.statusCode).toBe(201);
    try {
      const p = await buildPerson(t);
      await tell(p.id, 42);
      const sent = (
        await t.admin.request({ method: 'GET', url: '/api/notification-deliveries?status=sent&channel=inapp&pageSize=200' })
      ).json();
      expect(sent.items.find((d: any) => d.personId === p.id)).toMatchObject({
        channel: 'inapp',
        status: 'sent',
        personName: p.name,
        title: '催办 42',
        attempts: 1,
      });
      expect(sent.items.filter((d: any) => d.title === '催办 42').map((d: any) => d.channel)).toEqual(['inapp']);

      const queued = (await t.admin.request({ method: 'GET', url: '/api/notification-deliveries?status=queued&pageSize=200' })).json();
      const ours = queued.items.filter((d: any) => d.title === '催办 42');
      expect(ours).toHaveLength(1); // the robot's, not the in-app one that was sent
      expect(ours[0]).toMatchObject({
        channel: 'wecom',
        channelId: robot.json().id,
        channelName: '督查企业微信群',
        status: 'queued',
        attempts: 0,
      });
      expect(queued.items.length).toBeGreaterThan(0);
      expect(queued.items.every((d: any) => d.status === 'queued')).toBe(true);
      expect((await t.admin.request({ method: 'GET', url: '/api/notification-deliveries?status=lost' })).statusCode).toBe(400);
    } finally {
      await t.admin.request({ method: 'DELETE', url: `/api/notification-channels/${robot.json().id}` });
    }
  });
});
