import type { Kysely } from 'kysely';

/**
 * 整改 (rectification): one item per finding that a department must explain or fix within a number
 * of working days — a bad review (差评) now; inspection findings and spot checks later. Runs on
 * SQLite and PostgreSQL.
 *
 * - `rectifications`: the item, unique per (source, source_id) so a finding opens at most one;
 *   `code` is ZG-<year>-<4 digits>, taken from `rectification_code_counters` (one row per year,
 *   INSERT … ON CONFLICT DO UPDATE … RETURNING: concurrent openings queue on the row lock).
 * - `rectification_events`: its history (who, what, when, note).
 * - `rectification_revisits`: 回访 — whom was contacted (name and phone sealed at rest), how, outcome.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rectifications')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull()) // bad_review | inspection | spot_check | other
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('limit_kind', 'text', (c) => c.notNull()) // the time-limits rule its timer runs under
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id')) // whom it concerns
    .addColumn('owner_person_id', 'text', (c) => c.references('people.id')) // who must fix it
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | submitted | returned | verified | withdrawn
    .addColumn('resolution', 'text') // explained | fixed: the last submission
    .addColumn('resolution_note', 'text')
    .addColumn('attachment_ref', 'text')
    .addColumn('revisited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_on', 'text', (c) => c.notNull()) // YYYY-MM-DD, from the time-limits timer
    .addColumn('submitted_at', 'text')
    .addColumn('closed_at', 'text') // verified or withdrawn
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('rectifications_source_uq', ['source', 'source_id'])
    .execute();
  // a department's items by status, soonest due first (the list, the overdue filter)
  await db.schema
    .createIndex('rectifications_department_idx')
    .on('rectifications')
    .columns(['department_id', 'status', 'due_on'])
    .execute();
  await db.schema.createIndex('rectifications_status_idx').on('rectifications').columns(['status', 'due_on']).execute();

  await db.schema
    .createTable('rectification_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('rectification_id', 'text', (c) => c.notNull().references('rectifications.id'))
    .addColumn('action', 'text', (c) => c.notNull()) // open | assign | submit | verify | return | revisit | withdraw
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('attachment_ref', 'text')
    .addColumn('owner_person_id', 'text') // assign: to whom
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rectification_events_item_idx').on('rectification_events').columns(['rectification_id', 'id']).execute();

  await db.schema
    .createTable('rectification_revisits')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('rectification_id', 'text', (c) => c.notNull().references('rectifications.id'))
    .addColumn('revisited_on', 'text', (c) => c.notNull()) // YYYY-MM-DD
    .addColumn('way', 'text', (c) => c.notNull()) // phone | visit | message
    .addColumn('contact_name_sealed', 'text')
    .addColumn('contact_phone_sealed', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull()) // satisfied | unsatisfied | unreachable
    .addColumn('note', 'text')
    .addColumn('by_user_id', 'text')
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rectification_revisits_item_idx').on('rectification_revisits').columns(['rectification_id', 'id']).execute();

  await db.schema
    .createTable('rectification_code_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rectification_code_counters').execute();
  await db.schema.dropTable('rectification_revisits').execute();
  await db.schema.dropTable('rectification_events').execute();
  await db.schema.dropTable('rectifications').execute();
}
