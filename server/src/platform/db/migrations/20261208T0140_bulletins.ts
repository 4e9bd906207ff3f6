import type { Kysely } from 'kysely';

/**
 * 一季一通报 (modules/bulletins). Runs on SQLite and PostgreSQL.
 *
 * - `bulletin_settings`: per plan, what the office edits once — the indicators with their weights and
 *   directions, the 机关代字 of the document numbers (赣新勤廉), the issuing organ and the recipients.
 * - `bulletins`: one per plan and quarter (the unique index settles two drafts of one quarter). The
 *   figures are a snapshot taken when drafted or explicitly recomputed (JSON: the ranking and the
 *   overdue items), so review and publishing never recompute silently. Once published: the number,
 *   the organ and recipients as printed, and the audit chain's signed head (`head_*`).
 * - `bulletin_comments`: 领导点评, made while the bulletin is in review.
 * - two indexes for the supervision module's figures that the bulletin asks of it (tasks/task-quarter.repo.ts):
 *   `tasks_quarter_figures_idx` covers every column of the per-department GROUP BY, in its order, so a
 *   plan of a million tasks is counted from the index (about 5× faster than reading the rows, no sort);
 *   `task_events (kind, at)` finds the period's returned close-outs (退回) without reading every event.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bulletin_settings')
    .addColumn('plan_id', 'text', (c) => c.primaryKey().notNull().references('plans.id'))
    .addColumn('document_prefix', 'text', (c) => c.notNull()) // 机关代字
    .addColumn('organ', 'text', (c) => c.notNull()) // 发文机关
    .addColumn('organ_mark', 'text', (c) => c.notNull()) // 发文机关标志; '' = the organ's name
    .addColumn('recipients', 'text', (c) => c.notNull()) // JSON array of 主送机关
    .addColumn('indicators', 'text', (c) => c.notNull()) // JSON array of { key, weight, direction }
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull()) // 1–4
    .addColumn('period_start', 'text', (c) => c.notNull()) // YYYY-MM-DD, Asia/Shanghai
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull()) // 总体情况
    .addColumn('requirements', 'text', (c) => c.notNull()) // 下一步工作要求
    .addColumn('status', 'text', (c) => c.notNull()) // draft | review | published
    .addColumn('indicators', 'text', (c) => c.notNull()) // JSON, the weights this ranking used
    .addColumn('ranking', 'text', (c) => c.notNull()) // JSON snapshot, one entry per department
    .addColumn('overdue', 'text', (c) => c.notNull()) // JSON snapshot, the listed overdue items
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('number', 'text') // 发文字号, once published
    .addColumn('organ', 'text') // as printed, once published
    .addColumn('organ_mark', 'text')
    .addColumn('recipients', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by_name', 'text')
    .addColumn('head_seq', 'integer')
    .addColumn('head_hash', 'text')
    .addColumn('head_algorithm', 'text')
    .addColumn('head_key_id', 'text')
    .addColumn('head_public_key', 'text')
    .addColumn('head_signature', 'text')
    .addColumn('head_signed_at', 'text')
    .addColumn('drafted_by_name', 'text', (c) => c.notNull())
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bulletins_quarter_uq').on('bulletins').columns(['plan_id', 'year', 'quarter']).unique().execute();
  await db.schema.createIndex('bulletins_period_idx').on('bulletins').columns(['period_start', 'id']).execute();

  await db.schema
    .createTable('bulletin_comments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('bulletin_id', 'text', (c) => c.notNull().references('bulletins.id'))
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('author_person_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_title', 'text', (c) => c.notNull()) // 职务, as it was when commenting
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bulletin_comments_bulletin_idx').on('bulletin_comments').columns(['bulletin_id', 'created_at']).execute();

  await db.schema
    .createIndex('tasks_quarter_figures_idx')
    .on('tasks')
    .columns([
      'plan_id',
      'lead_department_id',
      'status',
      'closed_at',
      'due_date',
      'created_at',
      'is_open',
      'warning',
      'closed_late_days',
      'original_due_date',
    ])
    .execute();
  await db.schema.createIndex('task_events_kind_at_idx').on('task_events').columns(['kind', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('task_events_kind_at_idx').execute();
  await db.schema.dropIndex('tasks_quarter_figures_idx').execute();
  await db.schema.dropTable('bulletin_comments').execute();
  await db.schema.dropTable('bulletins').execute();
  await db.schema.dropTable('bulletin_settings').execute();
}
