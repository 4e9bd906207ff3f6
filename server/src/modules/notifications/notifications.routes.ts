import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChannelCreateBody,
  ChannelTestBody,
  ChannelTestResult,
  ChannelUpdateBody,
  Delivery,
  DeliveryPage,
  DeliveryQuery,
  IdParams,
  InboxItem,
  InboxPage,
  InboxQuery,
  NotificationChannel,
  NotificationChannelList,
  Ok,
  ReadAllResult,
  UnreadCount,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { signedIn } from '../../platform/policy/policy.ts';
import { channelPolicy } from './notifications.policy.ts';
import { presentChannel, presentDelivery, presentInboxItem } from './notifications.presenter.ts';
import { testChannel } from './channel-test.service.ts';
import {
  channelDepartmentName,
  createChannel,
  deleteChannel,
  getChannel,
  listChannels,
  listDeliveries,
  listInbox,
  markAllRead,
  markRead,
  retryDelivery,
  unreadCount,
  updateChannel,
  wireNotifications,
} from './notifications.service.ts';

const inbox = ['inbox'];
const admin = ['notifications'];

/** 站内信 for everyone signed in; channels and the delivery record for administrators. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  wireNotifications(app.config);

  app.get(
    '/inbox',
    {
      config: { policy: signedIn },
      schema: { tags: inbox, summary: '我的通知（分页，可只看未读）', querystring: InboxQuery, response: { 200: InboxPage } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { items, total } = await listInbox(ctx, req.query);
      return { items: items.map((r) => presentInboxItem(r, ctx.lang)), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/inbox/unread-count',
    {
      config: { policy: signedIn },
      schema: { tags: inbox, summary: '未读通知数（页头角标）', response: { 200: UnreadCount } },
    },
    async (req) => ({ count: await unreadCount(ctxOf(req)) }),
  );

  app.post(
    '/inbox/:id/read',
    {
      config: { policy: signedIn },
      schema: { tags: inbox, summary: '标为已读', params: IdParams, response: { 200: InboxItem } },
    },
    async (req) => presentInboxItem(await markRead(ctxOf(req), req.params.id), ctxOf(req).lang),
  );

  app.post(
    '/inbox/read-all',
    {
      config: { policy: signedIn },
      schema: { tags: inbox, summary: '全部标为已读', response: { 200: ReadAllResult } },
    },
    async (req) => ({ count: await markAllRead(ctxOf(req)) }),
  );

  app.get(
    '/notification-channels',
    {
      config: { policy: channelPolicy.route('manage') },
      schema: { tags: admin, summary: '通知通道（邮件、钉钉、企业微信群机器人）', response: { 200: NotificationChannelList } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const rows = await listChannels(ctx);
      return { items: await Promise.all(rows.map(async (r) => presentChannel(req.actor!, r, await channelDepartmentName(ctx.db, r)))) };
    },
  );

  app.post(
    '/notification-channels',
    {
      config: { policy: channelPolicy.route('manage') },
      schema: { tags: admin, summary: '新增通知通道（密钥只写不读）', body: ChannelCreateBody, response: { 201: NotificationChannel } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const row = await createChannel(ctx, app.config, req.body);
      return reply.status(201).send(presentChannel(req.actor!, row, await channelDepartmentName(ctx.db, row)));
    },
  );

  app.get(
    '/notification-channels/:id',
    {
      config: { policy: channelPolicy.route('manage') },
      schema: { tags: admin, summary: '通知通道详情', params: IdParams, response: { 200: NotificationChannel } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const row = await getChannel(ctx, req.params.id);
      return presentChannel(req.actor!, row, await channelDepartmentName(ctx.db, row));
    },
  );

  app.patch(
    '/notification-channels/:id',
    {
      config: { policy: channelPolicy.route('manage') },
      schema: { tags: admin, summary: '修改通知通道', params: IdParams, body: ChannelUpdateBody, response: { 200: NotificationChannel } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const row = await updateChannel(ctx, app.config, req.params.id, req.body);
      return presentChannel(req.actor!, row, await channelDepartmentName(ctx.db, row));
    },
  );

  app.delete(
    '/notification-channels/:id',
    {
      config: { policy: channelPolicy.route('manage') },
      schema: { tags: admin, summary: '删除通知通道', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteChannel(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/notification-deliveries',
    {
      config: { policy: channelPolicy.route('manage') },
      schema: { tags: admin, summary: '投递记录（状态、重试次数、错误）', querystring: DeliveryQuery, response: { 200: DeliveryPage } },
    },
    async (req) => {
      const { items, total } = await listDeliveries(ctxOf(req), req.query);
      return {
        items: items.map((d) => presentDelivery(req.actor!, d.row, { channel: d.channel, person: d.person })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.post(
    '/notification-channels/:id/test',
    {
      config: { policy: channelPolicy.route('manage') },
      schema: {
        tags: admin,
        summary: '测试发送（立即发一条测试消息，返回对方的答复；邮件须填收件人）',
        params: IdParams,
        body: ChannelTestBody,
        response: { 200: ChannelTestResult },
      },
    },
    async (req) => testChannel(ctxOf(req), app.config, req.params.id, req.body),
  );

  app.post(
    '/notification-deliveries/:id/retry',
    {
      config: { policy: channelPolicy.route('manage') },
      schema: { tags: admin, summary: '重试投递失败的记录（重新排队，一分钟内发送）', params: IdParams, response: { 200: Delivery } },
    },
    async (req) => {
      const d = await retryDelivery(ctxOf(req), req.params.id);
      return presentDelivery(req.actor!, d.row, { channel: d.channel, person: d.person });
    },
  );
};
