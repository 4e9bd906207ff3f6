import type { Kysely } from 'kysely';

/** Local days off and extra working days that an administrator adds on top of the national calendar. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'text', (c) => c.primaryKey().notNull())
    .addColumn('working', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_overrides').execute();
}
