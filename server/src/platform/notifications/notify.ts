import type { NoticeKind } from '@qinlian/contracts';
import type { TxCtx } from '../context.ts';
import { iso } from '../clock.ts';
import { newId } from '../ids.ts';
import { deliveryRepo, type DeliveryRow, type InboxRow } from './delivery.repo.ts';
import { notificationSetup, type Contact } from './directory.ts';

/** What a module asks to tell people. Delivered in-app, by e-mail and to group robots (channels decide). */
export type NotificationInput = {
  /** one of the kinds the inbox knows how to label (contracts NOTICE_KINDS): a new kind is added there first */
  kind: NoticeKind;
  recipientPersonIds: string[];
  title: string; // zh-CN: the inbox's default and the text of e-mails and group robots
  body: string;
  /** the same in English, shown in the inbox to readers of the English console */
  en?: { title: string; body: string };
  link?: string; // a console path, e.g. /tasks/<id>
  entityType?: string;
  entityId?: string;
  /** same key → delivered once, however often asked (idempotent retries and repeated job runs) */
  dedupeKey: string;
  /** why nobody could be addressed, kept in the delivery record when there is no recipient (zh-CN) */
  undeliverable?: string;
  /**
   * 代A岗: recipients who receive it as the B holder of a post standing in for its absent A (person
   * id → A's name). Their copy (inbox, e-mail, the robot's list of recipients) says so.
   */
  actingFor?: Readonly<Record<string, string>>;
};

/** A recipient's own title: marked 【代张三岗】 when they stand in for an absent A holder. */
const actingTitle = (title: string, actingFor: string | undefined, lang: 'zh' | 'en') =>
  (actingFor ? (lang === 'zh' ? `【代${actingFor}岗】${title}` : `[Acting for ${actingFor}] ${title}`) : title).slice(0, 200);

/** What a call added: zero of both when everything was already there (the same dedupeKey before). */
export type NotifyResult = { inbox: number; deliveries: number };

export const DELIVERY_MAX_ATTEMPTS = 6;

/** Robots of a department also hear about its sub-departments (the path holds every ancestor). */
const inDepartment = (departmentId: string, c: Contact) => c.departmentPath.includes(`/${departmentId}/`);

/**
 * Queue a notification inside the caller's transaction: it exists exactly when the write that
 * caused it commits. One inbox row per recipient, one delivery per (recipient, channel) for e-mail,
 * and one per group robot whose department (or global scope) covers a recipient. Every row carries
 * a key derived from `dedupeKey` under a UNIQUE constraint, so asking twice delivers once.
 */
export async function notify(ctx: TxCtx, input: NotificationInput): Promise<NotifyResult> {
  const setup = notificationSetup();
  const ids = [...new Set(input.recipientPersonIds)];
  const contacts = ids.length ? await setup.contacts(ctx.db, ids) : [];
  const now = iso(ctx.clock.now());
  const message = {
    title: input.title.slice(0, 200),
    body: input.body.slice(0, 4000),
    link: input.link ?? null,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
  };
  if (contacts.length === 0) return recordUndeliverable(ctx, input, message, now);

  const actingFor = (personId: string) => input.actingFor?.[personId];
  const inbox: InboxRow[] = contacts.map((c) => ({
    id: newId(),
    personId: c.personId,
    kind: input.kind,
    ...message,
    title: actingTitle(message.title, actingFor(c.personId), 'zh'),
    dedupeKey: `${input.dedupeKey}|${c.personId}`,
    createdAt: now,
    readAt: null,
    titleEn: input.en ? actingTitle(input.en.title, actingFor(c.personId), 'en') : null,
    bodyEn: input.en?.body.slice(0, 4000) ?? null,
  }));
  const delivery = (d: Pick<DeliveryRow, 'dedupeKey' | 'channel' | 'channelId' | 'personId' | 'address'>, sent: boolean): DeliveryRow => ({
    id: newId(),
    notificationKind: input.kind,
    ...d,
    ...message,
    status: sent ? 'sent' : 'queued',
    attempts: sent ? 1 : 0,
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
    nextAttemptAt: sent ? null : now,
    lockedAt: null,
    lastError: null,
    sentAt: sent ? now : null,
    createdAt: now,
  });

  // in-app: delivered by the inbox row itself
  const deliveries: DeliveryRow[] = contacts.map((c) =>
    delivery(
      { dedupeKey: `${input.dedupeKey}|${c.personId}|inapp`, channel: 'inapp', channelId: null, personId: c.personId, address: null },
      true,
    ),
  );

  const channels = await deliveryRepo.enabledChannels(ctx.db);
  const email = channels.find((ch) => ch.kind === 'email');
  if (email || setup.envEmail) {
    for (const c of contacts) {
      if (!c.email) continue;
      const address = `"${c.name.replace(/["\\]/g, '')}" <${c.email}>`;
      deliveries.push({
        ...delivery(
          {
            dedupeKey: `${input.dedupeKey}|${c.personId}|email`,
            channel: 'email',
            channelId: email?.id ?? null,
            personId: c.personId,
            address,
          },
          false,
        ),
        title: actingTitle(message.title, actingFor(c.personId), 'zh'),
      });
    }
  }
  const recipientLabel = (c: Contact) => {
    const a = actingFor(c.personId);
    return a ? `${c.name}（代${a}岗）` : c.name;
  };
  for (const robot of channels.filter((ch) => ch.kind === 'dingtalk' || ch.kind === 'wecom')) {
    const reached = robot.departmentId === null ? contacts : contacts.filter((c) => inDepartment(robot.departmentId!, c));
    if (reached.length === 0) continue;
    // one message per group, naming everyone it concerns
    deliveries.push({
      ...delivery(
        { dedupeKey: `${input.dedupeKey}|robot:${robot.id}`, channel: robot.kind, channelId: robot.id, personId: null, address: null },
        false,
      ),
      body: `${message.body}\n\n接收人：${reached.map(recipientLabel).join('、')}`.slice(0, 4000),
    });
  }

  const [newInbox, newDeliveries] = [
    await deliveryRepo.insertInbox(ctx.db, inbox),
    await deliveryRepo.insertDeliveries(ctx.db, deliveries),
  ];
  return { inbox: newInbox.length, deliveries: newDeliveries.length };
}

/**
 * Nobody to tell: the notice is not dropped in silence but kept in the delivery record as
 * undeliverable, with the reason, where administrators look for what did not arrive. Never sent.
 */
async function recordUndeliverable(
  ctx: TxCtx,
  input: NotificationInput,
  message: Pick<DeliveryRow, 'title' | 'body' | 'link' | 'entityType' | 'entityId'>,
  now: string,
): Promise<NotifyResult> {
  const row: DeliveryRow = {
    id: newId(),
    notificationKind: input.kind,
    dedupeKey: `${input.dedupeKey}|undeliverable`,
    channel: 'inapp',
    channelId: null,
    personId: null,
    address: null,
    ...message,
    status: 'undeliverable',
    attempts: 0,
    maxAttempts: 0,
    nextAttemptAt: null,
    lockedAt: null,
    lastError: (input.undeliverable ?? '没有接收人 / no recipient').slice(0, 1000),
    sentAt: null,
    createdAt: now,
  };
  return { inbox: 0, deliveries: (await deliveryRepo.insertDeliveries(ctx.db, [row])).length };
}
