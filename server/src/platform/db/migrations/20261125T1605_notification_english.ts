import type { Kysely } from 'kysely';

/**
 * The English text of an in-app notification beside the Chinese one (zh-CN stays the text of
 * e-mails and group robots): the inbox answers in the reader's language. Null for notifications
 * written only in Chinese. Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('title_en', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('body_en', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('body_en').execute();
  await db.schema.alterTable('notifications').dropColumn('title_en').execute();
}
