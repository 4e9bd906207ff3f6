import type { Delivery, InboxItem, Lang, NotificationChannel } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { ChannelRow, DeliveryRow, InboxRow } from './notifications.repo.ts';
import { channelPolicy } from './notifications.policy.ts';

/** In the reader's language when the sender wrote it in English too; otherwise as written (zh-CN). */
export function presentInboxItem(r: InboxRow, lang: Lang): InboxItem {
  const en = lang === 'en-US' && r.titleEn !== null;
  return {
    id: r.id,
    kind: r.kind,
    title: en ? r.titleEn! : r.title,
    body: en ? (r.bodyEn ?? '') : r.body,
    link: r.link,
    entityType: r.entityType,
    entityId: r.entityId,
    createdAt: r.createdAt,
    readAt: r.readAt,
    abilities: { markRead: r.readAt === null },
  };
}

const mask = (s: string) => (s.length <= 8 ? '****' : `${s.slice(0, 4)}****${s.slice(-4)}`);

/** Access tokens in webhook URLs and passwords in SMTP URLs are credentials: shown masked only. */
export function maskTarget(target: string | null): string | null {
  if (target === null) return null;
  try {
    const u = new URL(target);
    if (u.password) u.password = '****';
    for (const [k, v] of [...u.searchParams]) if (/token|key|secret|sign/i.test(k)) u.searchParams.set(k, mask(v));
    return decodeURI(u.toString());
  } catch {
    return mask(target);
  }
}

export function presentChannel(actor: Actor, r: ChannelRow, departmentName: string | null): NotificationChannel {
  const settings = JSON.parse(r.settings) as { from?: string };
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    targetMasked: maskTarget(r.target),
    hasSecret: r.secret !== null,
    from: settings.from ?? null,
    departmentId: r.departmentId,
    departmentName,
    enabled: !!r.enabled,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    abilities: { manage: channelPolicy.allowed(actor, 'manage', r) },
  };
}

export function presentDelivery(actor: Actor, r: DeliveryRow, names: { channel: string | null; person: string | null }): Delivery {
  return {
    id: r.id,
    notificationKind: r.notificationKind,
    channel: r.channel,
    channelId: r.channelId,
    channelName: names.channel,
    personId: r.personId,
    personName: names.person,
    address: r.address,
    title: r.title,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    nextAttemptAt: r.nextAttemptAt,
    lastError: r.lastError,
    sentAt: r.sentAt,
    createdAt: r.createdAt,
    abilities: { retry: r.status === 'failed' && channelPolicy.allowed(actor, 'manage', r) },
  };
}
