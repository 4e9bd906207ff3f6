import { z } from 'zod';
import { Id, Instant, PageQuery, pageOf } from './common.ts';

/**
 * Notifications (通知): the in-app inbox of the signed-in person, and — for administrators — the
 * delivery channels (SMTP e-mail, DingTalk and WeCom group robots) and the record of every delivery.
 */

/**
 * Every kind of notice the server sends (the `kind` of platform notify, typed by this list): the
 * inbox labels each one (web/src/pages/inbox), and a test holds both dictionaries to it.
 */
export const NOTICE_KINDS = [
  // a task's life cycle (task-notices.service.ts)
  'task.assign',
  'task.refuse',
  'task.request_close',
  'task.return',
  'task.close',
  'task.reopen',
  'task.urge',
  'task.instruct',
  // automatic urging and escalation (urging.job.ts)
  'task.warning.yellow',
  'task.warning.red',
  'task.escalate',
  // the department's own steps (task-workflow-notices.ts)
  'task.review',
  'task.send_back',
  'task.dispatch',
  'task.extension_request',
  'task.extension_grant',
  'task.extension_refuse',
  // 批示 to a unit and its 落实反馈 (instruction-notices.ts)
  'instruction.give',
  'instruction.feedback',
  // 整改: a new item for the department, assigned to its owner, returned, withdrawn (rectification-notices.ts)
  'rectification.open',
  'rectification.assign',
  'rectification.return',
  'rectification.withdraw',
  // 首问负责: a hand-over waits for its receiver; the owner's hand-over was declined (enquiry-notices.ts)
  'enquiry.handover',
  'enquiry.handover_declined',
  // 群众诉求: an item dispatched (派单) to a department (demand-notices.ts)
  'demand.dispatch',
  // 群众诉求督办: an item near or past its time limit, urged daily or by the office (demand-urging.service.ts)
  'demand.overdue',
  // 去向牌: a post whose A and B holders are both away, told to the department head (whereabouts-notices.ts)
  'whereabouts.post_uncovered',
  // 一月一小结: the month-end request to a department, and a summary returned to it (summary-notices.ts)
  'summary.request',
  'summary.return',
  // the daily audit check found tampering; sign-ins to one's account are being delayed
  'audit.tamper',
  'auth.sign_in_delayed',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const InboxItem = z.object({
  id: Id,
  kind: z.string(), // task.urge, task.warning.red, task.escalate …
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: Instant,
  readAt: Instant.nullable(),
  abilities: z.object({ markRead: z.boolean() }),
});
export type InboxItem = z.infer<typeof InboxItem>;
export const InboxQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export type InboxQuery = z.input<typeof InboxQuery>;
export const InboxPage = pageOf(InboxItem);
/** the header badge */
export const UnreadCount = z.object({ count: z.number().int() });
export const ReadAllResult = z.object({ count: z.number().int() });

export const ChannelKind = z.enum(['email', 'dingtalk', 'wecom']);
export type ChannelKind = z.infer<typeof ChannelKind>;

/** A channel as the console sees it: secrets never leave the server; tokens in URLs are masked. */
export const NotificationChannel = z.object({
  id: Id,
  kind: ChannelKind,
  name: z.string(),
  /** webhook URL or SMTP URL, with access tokens and passwords masked; null for e-mail = the server's QINLIAN_SMTP_URL */
  targetMasked: z.string().nullable(),
  hasSecret: z.boolean(),
  /** e-mail sender, e.g. 勤廉办 <noreply@example.gov.cn> */
  from: z.string().nullable(),
  /** robots: the department whose people's notifications it posts (with its sub-departments); null = all */
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
  abilities: z.object({ manage: z.boolean() }),
});
export type NotificationChannel = z.infer<typeof NotificationChannel>;
export const NotificationChannelList = z.object({ items: z.array(NotificationChannel) });

const url = z.string().trim().max(1000).url();
export const ChannelCreateBody = z.object({
  kind: ChannelKind,
  name: z.string().trim().min(1).max(100),
  /** robots: the webhook URL (https://oapi.dingtalk.com/robot/send?access_token=…, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…); e-mail: smtp:// or smtps:// URL, or null for the server's */
  target: url.nullable().optional(),
  /** DingTalk: the signing secret (加签, SEC…); e-mail: the SMTP password. Write-only. */
  secret: z.string().trim().min(1).max(500).optional(),
  from: z.string().trim().min(3).max(200).nullable().optional(),
  departmentId: Id.nullable().optional(),
  enabled: z.boolean().default(true),
});
export type ChannelCreateBody = z.input<typeof ChannelCreateBody>;
export const ChannelUpdateBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  target: url.nullable().optional(),
  /** a new secret; null removes it; absent keeps it */
  secret: z.string().trim().min(1).max(500).nullable().optional(),
  from: z.string().trim().min(3).max(200).nullable().optional(),
  departmentId: Id.nullable().optional(),
  enabled: z.boolean().optional(),
  version: z.number().int().optional(),
});
export type ChannelUpdateBody = z.infer<typeof ChannelUpdateBody>;

/** 测试发送: one message through the channel now, outside the delivery queue; e-mail needs a recipient. */
export const ChannelTestBody = z.object({ to: z.string().trim().max(200).email().optional() });
export type ChannelTestBody = z.infer<typeof ChannelTestBody>;
/** What the channel's far end answered: `error` is its refusal or the network failure, as received. */
export const ChannelTestResult = z.object({ ok: z.boolean(), error: z.string().nullable(), at: Instant });
export type ChannelTestResult = z.infer<typeof ChannelTestResult>;

export const DeliveryChannel = z.enum(['inapp', 'email', 'dingtalk', 'wecom']);
/** undeliverable: nobody could be addressed (no holder with an account, nobody in the department who may act); never sent */
export const DeliveryStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'undeliverable']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;
export const Delivery = z.object({
  id: Id,
  notificationKind: z.string(),
  channel: DeliveryChannel,
  channelId: Id.nullable(),
  channelName: z.string().nullable(),
  personId: Id.nullable(),
  personName: z.string().nullable(),
  address: z.string().nullable(),
  title: z.string(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: Instant.nullable(),
  lastError: z.string().nullable(),
  sentAt: Instant.nullable(),
  createdAt: Instant,
  /** retry: a failed delivery may be queued for one more attempt */
  abilities: z.object({ retry: z.boolean() }),
});
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryQuery = PageQuery.extend({
  status: DeliveryStatus.optional(),
  channel: DeliveryChannel.optional(),
  /** one configured channel (a robot, the e-mail channel) */
  channelId: Id.optional(),
});
export type DeliveryQuery = z.input<typeof DeliveryQuery>;
export const DeliveryPage = pageOf(Delivery);
