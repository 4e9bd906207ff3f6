import type { z } from 'zod';
import { detailMessage, type ChannelCreateBody, type ChannelUpdateBody, type DetailCode } from '@qinlian/contracts';
import { ChannelCreateBody as CreateSchema, DeliveryQuery, InboxQuery } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Executor } from '../../platform/db/database.ts';
import { seal } from '../../platform/crypto/sealed.ts';
import { configureNotifications } from '../../platform/notifications/directory.ts';
import { personContacts } from '../org/index.ts';
import { getDepartmentName, usableDepartment } from '../org/index.ts';
import { notificationsRepo, type ChannelRow, type DeliveryRow } from './notifications.repo.ts';
import { inboxPolicy } from './notifications.policy.ts';
import { maskTarget } from './notifications.presenter.ts';

/** Hand the platform's notification engine the org module's directory of people (called when the app is built). */
export function wireNotifications(config: Pick<Config, 'smtp'>) {
  configureNotifications({ contacts: personContacts, envEmail: config.smtp !== null });
}

const actorOf = (ctx: Ctx) => ctx.actor!;

// ---- inbox (站内信) ----

export async function listInbox(ctx: Ctx, q: z.output<typeof InboxQuery>) {
  const personId = actorOf(ctx).personId;
  if (!personId) return { items: [], total: 0 };
  return notificationsRepo.inboxPage(ctx.db, personId, {
    unreadOnly: q.unread === 'true',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}

export async function unreadCount(ctx: Ctx): Promise<number> {
  const personId = actorOf(ctx).personId;
  return personId ? notificationsRepo.unreadCount(ctx.db, personId) : 0;
}

/** Mark one of my notifications read; someone else's is "not found". Reading twice is harmless. */
export async function markRead(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const item = await notificationsRepo.inboxById(tx.db, id);
    if (!item) throw notFound();
    inboxPolicy.assertVisible(actorOf(tx), item);
    if (item.readAt) return item;
    const at = iso(tx.clock.now());
    await notificationsRepo.markRead(tx.db, id, at);
    await recordAudit(tx, { action: 'notification.read', entityType: 'notification', entityId: id });
    return { ...item, readAt: at };
  });
}

export async function markAllRead(ctx: Ctx): Promise<number> {
  const personId = actorOf(ctx).personId;
  if (!personId) return 0;
  return inTransaction(ctx, async (tx) => {
    const count = await notificationsRepo.markAllRead(tx.db, personId, iso(tx.clock.now()));
    if (count)
      await recordAudit(tx, { action: 'notification.read_all', entityType: 'notification', entityId: null, after: { personId, count } });
    return count;
  });
}

// ---- channels (通知通道) ----

/** What the audit chain keeps of a channel: no secret, tokens masked. */
const snapshot = (r: ChannelRow) => ({ ...r, target: maskTarget(r.target), secret: r.secret ? '(sealed)' : null });

export async function listChannels(ctx: Ctx) {
  return notificationsRepo.channels(ctx.db);
}

export async function getChannel(ctx: Ctx, id: string) {
  const row = await notificationsRepo.channelById(ctx.db, id);
  if (!row) throw notFound();
  return row;
}

export const channelDepartmentName = (db: Executor, r: ChannelRow) =>
  r.departmentId ? getDepartmentName(db, r.departmentId) : Promise.resolve(null);

type ChannelDraft = {
  kind: ChannelRow['kind'];
  name: string;
  target: string | null;
  hasSecret: boolean;
  from: string | null;
  departmentId: string | null;
  enabled: boolean;
};

/** The rules a channel must meet, whether new or edited. Field errors name the body field. */
async function checkChannel(tx: TxCtx, config: Config, d: ChannelDraft, selfId: string | null) {
  const field = (path: string, code: DetailCode) => ({ path: `body.${path}`, message: detailMessage(code, tx.lang) });
  const errors: { path: string; message: string }[] = [];
  if (d.kind === 'email') {
    if (d.target !== null && !/^smtps?:\/\//.test(d.target)) errors.push(field('target', 'smtp_url_invalid'));
    if (d.target === null && !config.smtp) errors.push(field('target', 'smtp_url_invalid'));
    if (d.target !== null && !d.from && !config.smtp?.from) errors.push(field('from', 'required'));
    if (d.departmentId !== null) errors.push(field('departmentId', 'email_no_department'));
  } else {
    if (d.target === null || !/^https?:\/\//.test(d.target)) errors.push(field('target', 'webhook_url_invalid'));
    if (d.kind === 'wecom' && d.hasSecret) errors.push(field('secret', 'secret_email_or_dingtalk'));
  }
  if (errors.length) throw invalid(errors);
  if (d.departmentId) await usableDepartment(tx, d.departmentId, 'body.departmentId');
  if (d.kind === 'email' && d.enabled) {
    const other = await notificationsRepo.enabledEmailChannel(tx.db, selfId);
    if (other)
      throw new DomainError('email_channel_exists', 409, { name: other.name }, [{ path: 'body.enabled', message: 'email_channel_exists' }]);
  }
}

export async function createChannel(ctx: Ctx, config: Config, input: ChannelCreateBody): Promise<ChannelRow> {
  const body = CreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const draft: ChannelDraft = {
      kind: body.kind,
      name: body.name,
      target: body.target ?? null,
      hasSecret: !!body.secret,
      from: body.kind === 'email' ? (body.from ?? null) : null,
      departmentId: body.departmentId ?? null,
      enabled: body.enabled,
    };
    await checkChannel(tx, config, draft, null);
    const now = iso(tx.clock.now());
    const row: ChannelRow = {
      id: newId(),
      kind: draft.kind,
      name: draft.name,
      target: draft.target,
      secret: body.secret ? seal(config, body.secret) : null,
      settings: JSON.stringify(draft.from ? { from: draft.from } : {}),
      departmentId: draft.departmentId,
      enabled: draft.enabled ? 1 : 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await notificationsRepo.insertChannel(tx.db, row);
    await recordAudit(tx, {
      action: 'notification_channel.create',
      entityType: 'notification_channel',
      entityId: row.id,
      after: snapshot(row),
    });
    return row;
  });
}

export async function updateChannel(ctx: Ctx, config: Config, id: string, patch: ChannelUpdateBody): Promise<ChannelRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await getChannel(tx, id);
    if (patch.version !== undefined && patch.version !== before.version) throw versionConflict();
    const settings = JSON.parse(before.settings) as { from?: string };
    const secret = patch.secret === undefined ? before.secret : patch.secret === null ? null : seal(config, patch.secret);
    const draft: ChannelDraft = {
      kind: before.kind,
      name: patch.name ?? before.name,
      target: patch.target !== undefined ? patch.target : before.target,
      hasSecret: patch.secret === undefined ? before.secret !== null : patch.secret !== null,
      from: before.kind === 'email' ? (patch.from !== undefined ? patch.from : (settings.from ?? null)) : null,
      departmentId: patch.departmentId !== undefined ? patch.departmentId : before.departmentId,
      enabled: patch.enabled ?? !!before.enabled,
    };
    await checkChannel(tx, config, draft, id);
    const next: Partial<ChannelRow> = {
      name: draft.name,
      target: draft.target,
      secret,
      settings: JSON.stringify(draft.from ? { from: draft.from } : {}),
      departmentId: draft.departmentId,
      enabled: draft.enabled ? 1 : 0,
      updatedAt: iso(tx.clock.now()),
    };
    if (!(await notificationsRepo.updateChannel(tx.db, id, before.version, next))) throw versionConflict();
    const after: ChannelRow = { ...before, ...next, version: before.version + 1 };
    await recordAudit(tx, {
      action: 'notification_channel.update',
      entityType: 'notification_channel',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Deleting a channel leaves its delivery record; deliveries still queued for it fail with "channel deleted". */
export async function deleteChannel(ctx: Ctx, id: string) {
  await inTransaction(ctx, async (tx) => {
    const before = await getChannel(tx, id);
    await notificationsRepo.deleteChannel(tx.db, id);
    await recordAudit(tx, {
      action: 'notification_channel.delete',
      entityType: 'notification_channel',
      entityId: id,
      before: snapshot(before),
    });
  });
}

// ---- delivery record (投递记录) ----

export async function listDeliveries(ctx: Ctx, q: z.output<typeof DeliveryQuery>) {
  const { items, total } = await notificationsRepo.deliveryPage(ctx.db, {
    status: q.status,
    channel: q.channel,
    channelId: q.channelId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { total, items: await withNames(ctx, items) };
}

/** Each delivery with the names of its channel and person. */
async function withNames(ctx: Ctx, items: DeliveryRow[]) {
  const channelIds = [...new Set(items.map((d) => d.channelId).filter((x): x is string => x !== null))];
  const [channels, people] = await Promise.all([
    Promise.all(channelIds.map((cid) => notificationsRepo.channelById(ctx.db, cid))),
    personContacts(
      ctx.db,
      items.map((d) => d.personId).filter((x): x is string => x !== null),
    ),
  ]);
  const channelName = new Map(channels.filter((c) => c !== undefined).map((c) => [c.id, c.name]));
  const personName = new Map(people.map((p) => [p.personId, p.name]));
  return items.map((row) => ({
    row,
    channel: row.channelId ? (channelName.get(row.channelId) ?? null) : null,
    person: row.personId ? (personName.get(row.personId) ?? null) : null,
  }));
}

const STATUS_ZH: Record<string, string> = { queued: '排队中', sending: '发送中', sent: '已发送', failed: '失败' };

/**
 * 重试: a failed delivery goes back in the queue, due now, with one more attempt than it has used;
 * the delivery job sends it within the minute. Anything not failed (queued, sending, sent) is a 409.
 */
export async function retryDelivery(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await notificationsRepo.deliveryById(tx.db, id);
    if (!before) throw notFound();
    const refuse = () =>
      new DomainError('delivery_not_failed', 409, { status: STATUS_ZH[before.status] ?? before.status, statusEn: before.status });
    if (before.status !== 'failed') throw refuse();
    const now = iso(tx.clock.now());
    const maxAttempts = Math.max(before.maxAttempts, before.attempts + 1);
    if (!(await notificationsRepo.requeueFailed(tx.db, id, now, maxAttempts))) throw refuse();
    await recordAudit(tx, {
      action: 'notification_delivery.retry',
      entityType: 'notification_delivery',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, maxAttempts: before.maxAttempts, lastError: before.lastError },
      after: { status: 'queued', nextAttemptAt: now, maxAttempts },
    });
    const after: DeliveryRow = { ...before, status: 'queued', nextAttemptAt: now, maxAttempts };
    return (await withNames(tx, [after]))[0]!;
  });
}
