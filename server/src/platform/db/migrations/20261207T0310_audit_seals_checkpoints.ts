import type { Kysely } from 'kysely';

/**
 * 审计防篡改: what the chain needs to stop more than clumsy edits (platform/audit).
 * - `audit_events.seals`: digests of the business rows an event left behind, covered by the row's
 *   hash, so `audit verify --records` can compare the tables with the log;
 * - `audit_events.mac`: `<key id>:<HMAC of the row's hash>` with a key kept outside the database,
 *   so rows rewritten and re-chained by someone without the key no longer verify;
 * - `audit_head.records_sealed_from`: set once the rows that predate sealing have had their
 *   baseline seals (null until then);
 * - `audit_checkpoints`: the head (seq, hash) signed at intervals, also kept in a file beside the
 *   data and, where configured, sent to an outside witness.
 * Old rows keep null seals and macs and verify as before. Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('seals', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('mac', 'text').execute();
  await db.schema.alterTable('audit_head').addColumn('records_sealed_from', 'integer').execute();
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('witness_status', 'text', (c) => c.notNull())
    .addColumn('witness_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('witness_error', 'text')
    .addColumn('witness_at', 'text')
    .execute();
  await db.schema.createIndex('audit_checkpoints_seq_idx').on('audit_checkpoints').column('seq').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').execute();
  await db.schema.alterTable('audit_head').dropColumn('records_sealed_from').execute();
  await db.schema.alterTable('audit_events').dropColumn('mac').execute();
  await db.schema.alterTable('audit_events').dropColumn('seals').execute();
}
