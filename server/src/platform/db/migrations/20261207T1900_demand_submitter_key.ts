import type { Kysely } from 'kysely';

/**
 * 群众诉求 (issue 14): who sent an item, as a keyed digest only ever compared (platform/crypto/sealed.ts
 * `keyedDigest` of the phone, else the e-mail, else the public form's device id), so that the analysis
 * counts distinct submitters: one person sending the same suggestion eight times is one person. Null
 * when the item names none (then it counts as its own person). Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('demands').addColumn('submitter_key', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('demands').dropColumn('submitter_key').execute();
}
