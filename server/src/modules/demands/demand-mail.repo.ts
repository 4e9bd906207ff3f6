import type { Executor } from '../../platform/db/database.ts';

/** The SQL of `demand_mail_messages`: which item each mail (by its Message-ID) was filed as. */
export const demandMailRepo = {
  /**
   * Claims a Message-ID for the mail being filed; false when it is already claimed. On PostgreSQL a
   * claim still open in another transaction makes this wait for it, so two deliveries of one mail
   * at once file it once.
   */
  async claim(db: Executor, messageId: string, receivedAt: string): Promise<boolean> {
    const res = await db
      .insertInto('demandMailMessages')
      .values({ messageId, demandId: null, receivedAt })
      .onConflict((oc) => oc.column('messageId').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  fileAs: (db: Executor, messageId: string, demandId: string) =>
    db.updateTable('demandMailMessages').set({ demandId }).where('messageId', '=', messageId).execute(),
  demandIdOf: async (db: Executor, messageId: string) =>
    (await db.selectFrom('demandMailMessages').select('demandId').where('messageId', '=', messageId).executeTakeFirst())?.demandId ?? null,
};
