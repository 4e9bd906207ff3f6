import { sql, type Kysely } from 'kysely';

/**
 * 群众诉求 (issue 14): urging of overdue items, and mail delivered twice filed once. Runs on SQLite
 * and PostgreSQL.
 *
 * - `demand_deadlines`: an item's time-limit last day (限时办结, `public_demand`), copied when it is
 *   dispatched so that lists can filter overdue items in SQL, and the last day it was urged (督办) —
 *   at most once a day. Filled here from the timers of items dispatched before it existed.
 * - `demand_mail_messages`: the Message-ID of every mail filed as an item; the same message delivered
 *   again (a relay's retry, a second import) answers the item it already made. `demand_id` is set in
 *   the transaction that claimed the id, so a committed row always names its item.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demand_deadlines')
    .addColumn('demand_id', 'text', (c) => c.primaryKey().notNull().references('demands.id'))
    .addColumn('due_on', 'text', (c) => c.notNull()) // YYYY-MM-DD, Asia/Shanghai
    .addColumn('urged_on', 'text') // YYYY-MM-DD of the last urging
    .execute();
  await db.schema.createIndex('demand_deadlines_due_idx').on('demand_deadlines').columns(['due_on', 'demand_id']).execute();
  await sql`
    insert into demand_deadlines (demand_id, due_on)
    select subject_id, due_on from timers where kind = 'public_demand'
  `.execute(db);

  await db.schema
    .createTable('demand_mail_messages')
    .addColumn('message_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('demand_id', 'text', (c) => c.references('demands.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['demand_mail_messages', 'demand_deadlines']) await db.schema.dropTable(table).execute();
}
