import type { Kysely } from 'kysely';

/**
 * 一月一小结 and 半年一总结 (modules/summaries). Runs on SQLite and PostgreSQL.
 *
 * - `monthly_summaries`: one row per department and month (月度小结) — the unique index is what makes
 *   the month-end request idempotent, whoever comes first (the job or the department submitting); the
 *   task figures are frozen into it when the department submits.
 * - `typical_experiences`: 典型经验 submitted by departments for a half year (2026-H1); a department
 *   cannot submit the same title twice for one half year.
 * - `summary_documents`: the compiled documents (汇编) — the area's monthly summary of a month and the
 *   experience collection of a half year, one of each per period; `content` keeps the document as it
 *   was published (the official-document model as JSON), so a published one never changes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monthly_summaries')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('month', 'text', (c) => c.notNull()) // 2026-03
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // requested | submitted | returned | accepted
    .addColumn('due_date', 'text', (c) => c.notNull()) // YYYY-MM-DD, N working days into the next month
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('closed_count', 'integer')
    .addColumn('on_time_count', 'integer')
    .addColumn('overdue_count', 'integer')
    .addColumn('open_count', 'integer')
    .addColumn('figures_as_of', 'text')
    .addColumn('highlights', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('next_plan', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by_name', 'text')
    .addColumn('submitted_by_person_id', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('document_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monthly_summaries_month_uq').on('monthly_summaries').columns(['month', 'department_id']).unique().execute();
  await db.schema.createIndex('monthly_summaries_status_idx').on('monthly_summaries').columns(['month', 'status']).execute();
  await db.schema.createIndex('monthly_summaries_department_idx').on('monthly_summaries').columns(['department_id', 'month']).execute();

  await db.schema
    .createTable('typical_experiences')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('period', 'text', (c) => c.notNull()) // 2026-H1
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // submitted | selected | published
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .addColumn('selected_at', 'text')
    .addColumn('edited_by_name', 'text')
    .addColumn('document_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('typical_experiences_title_uq')
    .on('typical_experiences')
    .columns(['department_id', 'period', 'title'])
    .unique()
    .execute();
  await db.schema.createIndex('typical_experiences_period_idx').on('typical_experiences').columns(['period', 'status']).execute();

  await db.schema
    .createTable('summary_documents')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // monthly | experiences
    .addColumn('period', 'text', (c) => c.notNull()) // 2026-03 | 2026-H1
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organ', 'text', (c) => c.notNull())
    .addColumn('number_prefix', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | published
    .addColumn('number', 'text')
    .addColumn('content', 'text') // the OfficialDocument as published (JSON)
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('drafted_by_name', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('summary_documents_period_uq').on('summary_documents').columns(['kind', 'period']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('summary_documents').execute();
  await db.schema.dropTable('typical_experiences').execute();
  await db.schema.dropTable('monthly_summaries').execute();
}
