import type { Kysely } from 'kysely';

/**
 * 公告验证: the public halves of the SM2 keys that sign the audit chain's head on bulletins
 * (platform/audit/sm2.ts, modules/audit/head-signing.service.ts). The private key never enters the
 * database. A rotation closes the current key (`valid_until`) and opens the next, so a signature
 * printed under an old key still verifies, and one dated after its key was retired does not.
 * Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_signing_keys')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull()) // first 16 hex digits of SM3 over the public key
    .addColumn('public_key', 'text', (c) => c.notNull()) // uncompressed, 130 hex digits
    .addColumn('algorithm', 'text', (c) => c.notNull()) // 'SM2-SM3'
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text') // null: the key that signs now
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_signing_keys').execute();
}
