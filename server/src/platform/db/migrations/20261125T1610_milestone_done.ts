import type { Kysely } from 'kysely';

/**
 * 时间节点完成: who marked a milestone done (`done_at` holds when). The name is kept as it was at
 * the time, like the actor of a task event. Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_milestones').addColumn('done_by_user_id', 'text').execute();
  await db.schema.alterTable('task_milestones').addColumn('done_by_name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_milestones').dropColumn('done_by_name').execute();
  await db.schema.alterTable('task_milestones').dropColumn('done_by_user_id').execute();
}
