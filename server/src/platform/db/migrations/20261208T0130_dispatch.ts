import type { Kysely } from 'kysely';

/**
 * 一周一调度 (modules/dispatch). Runs on SQLite and PostgreSQL.
 *
 * - `dispatch_sheets`: one sheet (调度单) per plan, organising department and ISO week — the unique
 *   index is what makes drafting idempotent, whoever drafts first (the weekly job or the office);
 *   the meeting's record (date, time, place, chair, minutes) lives on the sheet once it is held.
 * - `dispatch_items`: the sheet's items in their order, a snapshot of the task, instruction or project
 *   as drafted (the sheet stays what was discussed), grouped by the leader in charge (分管领导).
 * - `dispatch_attendees`: who attended the meeting, who was absent and why.
 * - `dispatch_decisions`: 议定事项 — who does what by when — and the task each became.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dispatch_sheets')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('week', 'text', (c) => c.notNull()) // ISO week, 2026-W11
    .addColumn('week_start', 'text', (c) => c.notNull()) // its Monday, YYYY-MM-DD
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | held | closed
    .addColumn('omitted_items', 'integer', (c) => c.notNull())
    .addColumn('meeting_date', 'text')
    .addColumn('meeting_time', 'text')
    .addColumn('meeting_place', 'text')
    .addColumn('chair_person_id', 'text')
    .addColumn('chair_name', 'text')
    .addColumn('minutes', 'text')
    .addColumn('drafted_by_name', 'text', (c) => c.notNull())
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dispatch_sheets_week_uq')
    .on('dispatch_sheets')
    .columns(['plan_id', 'department_id', 'week'])
    .unique()
    .execute();
  await db.schema.createIndex('dispatch_sheets_week_start_idx').on('dispatch_sheets').columns(['week_start', 'id']).execute();
  await db.schema.createIndex('dispatch_sheets_department_idx').on('dispatch_sheets').columns(['department_id', 'week_start']).execute();

  await db.schema
    .createTable('dispatch_items')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('dispatch_sheets.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // task | instruction | project | manual
    .addColumn('source_id', 'text')
    .addColumn('task_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('warning', 'text')
    .addColumn('progress', 'integer')
    .addColumn('due_date', 'text')
    .addColumn('department_id', 'text')
    .addColumn('leader_person_id', 'text')
    .addColumn('leader_name', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispatch_items_sheet_idx').on('dispatch_items').columns(['sheet_id', 'sort']).execute();

  await db.schema
    .createTable('dispatch_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('dispatch_sheets.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department_name', 'text', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('absence_reason', 'text')
    .execute();
  await db.schema.createIndex('dispatch_attendees_sheet_idx').on('dispatch_attendees').columns(['sheet_id', 'sort']).execute();

  await db.schema
    .createTable('dispatch_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('dispatch_sheets.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_department_id', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text')
    .addColumn('owner_name', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('measure_id', 'text')
    .addColumn('task_id', 'text')
    .addColumn('task_made_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispatch_decisions_sheet_idx').on('dispatch_decisions').columns(['sheet_id', 'sort']).execute();
  await db.schema.createIndex('dispatch_decisions_task_idx').on('dispatch_decisions').column('task_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dispatch_decisions').execute();
  await db.schema.dropTable('dispatch_attendees').execute();
  await db.schema.dropTable('dispatch_items').execute();
  await db.schema.dropTable('dispatch_sheets').execute();
}
