import type { Kysely } from 'kysely';

/**
 * 发文字号: the numbers given to official documents, per organ prefix and year (赣新勤廉〔2026〕3号).
 * The counter row is taken in the caller's transaction, which on PostgreSQL holds its row lock until
 * commit, so concurrent reservations for one prefix and year queue; the unique indexes refuse a
 * number given twice whatever the path. Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_number_counters')
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_number_counters_pk', ['prefix', 'year'])
    .execute();
  await db.schema
    .createTable('document_numbers')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull()) // formatted: 赣新勤廉〔2026〕3号
    .addColumn('typed', 'integer', (c) => c.notNull()) // 1 when typed by hand, 0 when taken from the sequence
    .addColumn('entity_type', 'text') // what carries it (bulletin, dispatch …), when the caller says
    .addColumn('entity_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('document_numbers_seq_uq').on('document_numbers').columns(['prefix', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('document_numbers_number_uq').on('document_numbers').column('number').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_numbers').execute();
  await db.schema.dropTable('document_number_counters').execute();
}
