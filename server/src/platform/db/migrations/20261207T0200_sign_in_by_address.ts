import type { Kysely } from 'kysely';

/**
 * 登录限速: failed sign-ins are counted per (name as typed, source address) from the sign-in log,
 * read newest first at every attempt. Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('sign_in_log_username_ip_at_idx').on('sign_in_log').columns(['username', 'ip', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sign_in_log_username_ip_at_idx').execute();
}
