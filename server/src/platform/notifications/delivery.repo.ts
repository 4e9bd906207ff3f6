import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { NotificationChannelsTable, NotificationDeliveriesTable, NotificationsTable } from '../db/schema.ts';

export type InboxRow = NotificationsTable;
export type DeliveryRow = NotificationDeliveriesTable;
export type ChannelRow = NotificationChannelsTable;

/** The delivery engine's SQL (the inbox and channel screens have theirs in modules/notifications). */
export const deliveryRepo = {
  /** Insert inbox rows; those whose dedupe key exists are skipped. Returns the ids inserted. */
  async insertInbox(db: Executor, rows: InboxRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const r = await db
      .insertInto('notifications')
      .values(rows)
      .onConflict((oc) => oc.column('dedupeKey').doNothing())
      .returning('id')
      .execute();
    return r.map((x) => x.id);
  },
  async insertDeliveries(db: Executor, rows: DeliveryRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const r = await db
      .insertInto('notificationDeliveries')
      .values(rows)
      .onConflict((oc) => oc.column('dedupeKey').doNothing())
      .returning('id')
      .execute();
    return r.map((x) => x.id);
  },
  enabledChannels: (db: Executor) =>
    db.selectFrom('notificationChannels').selectAll().where('enabled', '=', 1).orderBy('createdAt').orderBy('id').execute(),
  channelById: (db: Executor, id: string) => db.selectFrom('notificationChannels').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Ids of deliveries due now, oldest first. */
  dueIds: (db: Executor, now: string, limit: number) =>
    db
      .selectFrom('notificationDeliveries')
      .select('id')
      .where('status', '=', 'queued')
      .where('nextAttemptAt', '<=', now)
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(limit)
      .execute(),

  /**
   * Take one delivery for sending: an atomic queued → sending update. Whoever's update matched
   * sends it; a delivery in any other state (sending, sent, failed) is never picked up again.
   */
  claim: (db: Executor, id: string, now: string) =>
    db
      .updateTable('notificationDeliveries')
      .set({ status: 'sending', lockedAt: now, attempts: sql<number>`attempts + 1` })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst(),

  async finish(db: Executor, id: string, patch: Partial<Pick<DeliveryRow, 'status' | 'sentAt' | 'lastError' | 'nextAttemptAt'>>) {
    await db
      .updateTable('notificationDeliveries')
      .set({ ...patch, lockedAt: null })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .execute();
  },

  /**
   * A delivery left "sending" by a dead instance may or may not have gone out: it is marked failed,
   * not retried, so nobody gets it twice. Admins see it in the delivery list.
   */
  async failInterrupted(db: Executor, lockedBefore: string, now: string) {
    const r = await db
      .updateTable('notificationDeliveries')
      .set({ status: 'failed', lockedAt: null, lastError: `interrupted while sending (at ${now}); not retried, to avoid sending twice` })
      .where('status', '=', 'sending')
      .where('lockedAt', '<', lockedBefore)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
};
