import type { Kysely } from 'kysely';

/**
 * 自动编号: the last number handed out per (plan, code prefix) — `<measure code>-` — so that
 * concurrent creates in one measure take numbers one after another. Taking a number updates this
 * row, which on PostgreSQL holds its row lock until the transaction ends; reading the codes in use
 * and then inserting let two concurrent creates pick the same code. Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_code_counters')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_code_counters_pk', ['plan_id', 'prefix'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_code_counters').execute();
}
