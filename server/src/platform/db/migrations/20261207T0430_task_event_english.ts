import type { Kysely } from 'kysely';

/**
 * The English text of a task event the system wrote (预警, 自动催办, 升级督办, 延期, 分办, 评定 …)
 * beside the Chinese one, as notifications keep theirs (20261125T1605_notification_english): the
 * timeline shows it in the English console. Null for texts people typed, which stay as typed, and
 * for events written before. Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_events').addColumn('text_en', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_events').dropColumn('text_en').execute();
}
