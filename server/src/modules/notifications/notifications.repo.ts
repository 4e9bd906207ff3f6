import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { ChannelRow, DeliveryRow, InboxRow } from '../../platform/notifications/delivery.repo.ts';

export type { ChannelRow, DeliveryRow, InboxRow };
type Page = { limit: number; offset: number };

/**
 * The inbox, channel and delivery screens' SQL. (The delivery engine's own statements live with
 * it in platform/notifications/delivery.repo.ts; the tables are the platform's.)
 */
export const notificationsRepo = {
  async inboxPage(db: Executor, personId: string, opts: { unreadOnly: boolean } & Page) {
    let q = db.selectFrom('notifications').where('personId', '=', personId);
    if (opts.unreadOnly) q = q.where('readAt', 'is', null);
    const [items, total] = await Promise.all([
      q.selectAll().orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },
  async unreadCount(db: Executor, personId: string) {
    const r = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('personId', '=', personId)
      .where('readAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  inboxById: (db: Executor, id: string) => db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst(),
  async markRead(db: Executor, id: string, at: string) {
    const r = await db.updateTable('notifications').set({ readAt: at }).where('id', '=', id).where('readAt', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async markAllRead(db: Executor, personId: string, at: string) {
    const r = await db
      .updateTable('notifications')
      .set({ readAt: at })
      .where('personId', '=', personId)
      .where('readAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  channels: (db: Executor) =>
    db.selectFrom('notificationChannels').selectAll().orderBy('kind').orderBy('createdAt').orderBy('id').execute(),
  channelById: (db: Executor, id: string) => db.selectFrom('notificationChannels').selectAll().where('id', '=', id).executeTakeFirst(),
  enabledEmailChannel: (db: Executor, exceptId: string | null) => {
    let q = db.selectFrom('notificationChannels').selectAll().where('kind', '=', 'email').where('enabled', '=', 1);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return q.executeTakeFirst();
  },
  insertChannel: (db: Executor, row: ChannelRow) => db.insertInto('notificationChannels').values(row).execute(),
  updateChannel(db: Executor, id: string, version: number, patch: Partial<ChannelRow>) {
    return updateVersioned(db, 'notificationChannels', id, version, patch);
  },
  deleteChannel: (db: Executor, id: string) => db.deleteFrom('notificationChannels').where('id', '=', id).execute(),

  async deliveryPage(db: Executor, f: { status?: DeliveryRow['status']; channel?: DeliveryRow['channel']; channelId?: string } & Page) {
    let q = db.selectFrom('notificationDeliveries');
    if (f.status) q = q.where('status', '=', f.status);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.channelId) q = q.where('channelId', '=', f.channelId);
    const [items, total] = await Promise.all([
      q.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },
  deliveryById: (db: Executor, id: string) => db.selectFrom('notificationDeliveries').selectAll().where('id', '=', id).executeTakeFirst(),
  /** failed → queued, due now, with these attempts allowed; only a delivery still failed is touched */
  async requeueFailed(db: Executor, id: string, now: string, maxAttempts: number) {
    const r = await db
      .updateTable('notificationDeliveries')
      .set({ status: 'queued', nextAttemptAt: now, maxAttempts })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
