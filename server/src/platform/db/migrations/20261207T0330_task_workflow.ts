import { sql, type Kysely } from 'kysely';

/**
 * The department's own steps on a task (issue 12) and deadlines that tell the truth:
 * - tasks: `handler_person_id` (分办 to one person instead of a post), `own_progress` (the lead
 *   department's reported share, rolled up with the cooperating departments' sub-items into
 *   `progress`), `original_due_date` (before the first granted extension) and `closed_late_days`
 *   (at close-out, working days after the original due date; 0 on time);
 * - task_cooperators: each cooperating department's sub-item (协办) — its progress and latest report;
 * - task_assignments (分办 history), task_extensions (延期申请 and decisions),
 *   task_review_departments (departments whose head reviews its staff's submissions, 部门审核);
 * - task_rollups: closed-late tasks counted with the rest of the roll-up.
 * Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tasks')
    .addColumn('handler_person_id', 'text', (c) => c.references('people.id'))
    .execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('own_progress', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('tasks').addColumn('original_due_date', 'text').execute();
  await db.schema.alterTable('tasks').addColumn('closed_late_days', 'integer').execute();
  await sql`update tasks set own_progress = progress`.execute(db);
  await db.schema.createIndex('tasks_handler_person_idx').on('tasks').columns(['handler_person_id', 'status']).execute();

  await db.schema
    .alterTable('task_cooperators')
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('task_cooperators')
    .addColumn('report_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('task_cooperators').addColumn('reported_at', 'text').execute();
  await db.schema.alterTable('task_cooperators').addColumn('reported_by_name', 'text').execute();

  await db.schema
    .createTable('task_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('post_id', 'text', (c) => c.references('posts.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text')
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_assignments_task_idx').on('task_assignments').columns(['task_id', 'id']).execute();

  await db.schema
    .createTable('task_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('previous_due_date', 'text', (c) => c.notNull())
    .addColumn('requested_due_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by_user_id', 'text')
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_comment', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_extensions_task_idx').on('task_extensions').columns(['task_id', 'status']).execute();

  await db.schema
    .createTable('task_review_departments')
    .addColumn('department_id', 'text', (c) => c.primaryKey().notNull().references('departments.id'))
    .addColumn('set_by_name', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('task_rollups')
    .addColumn('closed_late_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_rollups').dropColumn('closed_late_count').execute();
  await db.schema.dropTable('task_review_departments').execute();
  await db.schema.dropTable('task_extensions').execute();
  await db.schema.dropTable('task_assignments').execute();
  for (const c of ['reported_by_name', 'reported_at', 'report_text', 'progress'])
    await db.schema.alterTable('task_cooperators').dropColumn(c).execute();
  await db.schema.dropIndex('tasks_handler_person_idx').execute();
  for (const c of ['closed_late_days', 'original_due_date', 'own_progress', 'handler_person_id'])
    await db.schema.alterTable('tasks').dropColumn(c).execute();
}
