import type { Kysely } from 'kysely';

/**
 * Campaign plan and supervision (督查督办): plans → programmes (六大工程) → measures (20条举措) →
 * tasks and sub-tasks, their cooperating departments, milestones, events (progress reports,
 * transitions, urgings, instructions), evidence files, and the counters that lists and roll-ups
 * read instead of grouping over every task. Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('programmes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('leader_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programmes_plan_code_uq').on('programmes').columns(['plan_id', 'code']).unique().execute();

  await db.schema
    .createTable('measures')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measures_plan_code_uq').on('measures').columns(['plan_id', 'code']).unique().execute();
  await db.schema.createIndex('measures_programme_idx').on('measures').columns(['programme_id', 'sort']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('measure_id', 'text', (c) => c.notNull().references('measures.id'))
    .addColumn('parent_id', 'text', (c) => c.references('tasks.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('deliverables', 'text', (c) => c.notNull())
    .addColumn('lead_department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('responsible_post_id', 'text', (c) => c.references('posts.id'))
    .addColumn('leader_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_open', 'integer', (c) => c.notNull()) // 1 unless closed: what "open tasks" lists filter on
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warning', 'text', (c) => c.notNull())
    .addColumn('warning_since', 'text')
    .addColumn('tagged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('tasks_plan_code_uq').on('tasks').columns(['plan_id', 'code']).unique().execute();
  // a department's open tasks by colour, soonest first: the list that must stay fast at a million rows
  await db.schema
    .createIndex('tasks_department_idx')
    .on('tasks')
    .columns(['lead_department_id', 'is_open', 'warning', 'due_date'])
    .execute();
  await db.schema.createIndex('tasks_department_status_idx').on('tasks').columns(['lead_department_id', 'status', 'due_date']).execute();
  await db.schema.createIndex('tasks_post_idx').on('tasks').columns(['responsible_post_id', 'status']).execute();
  await db.schema.createIndex('tasks_leader_idx').on('tasks').columns(['leader_person_id', 'status']).execute();
  await db.schema.createIndex('tasks_programme_idx').on('tasks').columns(['programme_id', 'due_date']).execute();
  await db.schema.createIndex('tasks_measure_idx').on('tasks').columns(['measure_id', 'due_date']).execute();
  await db.schema.createIndex('tasks_plan_due_idx').on('tasks').columns(['plan_id', 'due_date']).execute();
  await db.schema.createIndex('tasks_warning_idx').on('tasks').columns(['warning', 'due_date']).execute();
  await db.schema.createIndex('tasks_parent_idx').on('tasks').column('parent_id').execute();
  await db.schema.createIndex('tasks_tagged_idx').on('tasks').columns(['tagged', 'due_date']).execute();

  await db.schema
    .createTable('task_cooperators')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('task_cooperators_pk', ['task_id', 'department_id'])
    .execute();
  await db.schema.createIndex('task_cooperators_department_idx').on('task_cooperators').columns(['department_id', 'task_id']).execute();

  await db.schema
    .createTable('task_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('task_milestones_task_idx').on('task_milestones').columns(['task_id', 'sort']).execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_uploader_idx').on('files').column('uploaded_by').execute();

  await db.schema
    .createTable('task_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer')
    .addColumn('file_ids', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .execute();
  await db.schema.createIndex('task_events_task_idx').on('task_events').columns(['task_id', 'id']).execute();

  // which tasks reference an evidence file: who may download it
  await db.schema
    .createTable('task_files')
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('task_events.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addPrimaryKeyConstraint('task_files_pk', ['file_id', 'event_id'])
    .execute();
  await db.schema.createIndex('task_files_task_idx').on('task_files').column('task_id').execute();

  // Counts and weighted progress by everything a board or a department list filters on, kept in
  // the same transaction as every task write. Nullable keys are stored as '' so the key is unique.
  await db.schema
    .createTable('task_counters')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'text', (c) => c.notNull())
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('lead_department_id', 'text', (c) => c.notNull())
    .addColumn('leader_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('warning', 'text', (c) => c.notNull())
    .addColumn('tagged', 'integer', (c) => c.notNull())
    .addColumn('top_level', 'integer', (c) => c.notNull())
    .addColumn('task_count', 'bigint', (c) => c.notNull())
    .addColumn('weight_sum', 'bigint', (c) => c.notNull())
    .addColumn('progress_sum', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_counters_pk', [
      'plan_id',
      'programme_id',
      'measure_id',
      'lead_department_id',
      'leader_key',
      'status',
      'warning',
      'tagged',
      'top_level',
    ])
    .execute();
  await db.schema.createIndex('task_counters_department_idx').on('task_counters').columns(['lead_department_id', 'plan_id']).execute();

  // The roll-up's own small table: top-level tasks by measure, status and colour (a few hundred rows per plan).
  await db.schema
    .createTable('task_rollups')
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('warning', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'text', (c) => c.notNull())
    .addColumn('task_count', 'bigint', (c) => c.notNull())
    .addColumn('weight_sum', 'bigint', (c) => c.notNull())
    .addColumn('progress_sum', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_rollups_pk', ['measure_id', 'status', 'warning'])
    .execute();
  await db.schema.createIndex('task_rollups_plan_idx').on('task_rollups').columns(['plan_id', 'programme_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'task_rollups',
    'task_counters',
    'task_files',
    'task_events',
    'files',
    'task_milestones',
    'task_cooperators',
    'tasks',
    'measures',
    'programmes',
    'plans',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
