import { sql, type Kysely } from 'kysely';

/**
 * 工作人员去向牌 (modules/whereabouts). Runs on SQLite and PostgreSQL.
 *
 * - `whereabouts`: each person's state now (one row, made the first time it is set; a person without
 *   one is in the office).
 * - `whereabouts_history`: every change, append-only (personal data: read by policy).
 * - `planned_absences`: leave, trips and training registered ahead; the minute job switches the state
 *   at their start and back at their end. The person's department is kept with each (whose heads see it).
 * - `door_boards`: the public code of a department's door board, made on first ask.
 *
 * Until now 'away' was set by hand on people; from here it follows the board. People already away get a
 * board row "out" (set by the head, with a history line), so that the board and AB岗 agree.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('whereabouts')
    .addColumn('person_id', 'text', (c) => c.primaryKey().notNull().references('people.id'))
    .addColumn('state', 'text', (c) => c.notNull()) // in_office | meeting | out | trip | leave | training
    .addColumn('place', 'text')
    .addColumn('expected_return_at', 'text')
    .addColumn('note', 'text')
    .addColumn('set_by_person_id', 'text')
    .addColumn('set_by_name', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // self | head | planned
    .addColumn('planned_absence_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('whereabouts_history')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('expected_return_at', 'text')
    .addColumn('note', 'text')
    .addColumn('set_by_person_id', 'text')
    .addColumn('set_by_name', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('planned_absence_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('whereabouts_history_person_idx').on('whereabouts_history').columns(['person_id', 'at', 'id']).execute();

  await db.schema
    .createTable('planned_absences')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('department_id', 'text', (c) => c.notNull()) // the person's, when registered: whose heads see it
    .addColumn('kind', 'text', (c) => c.notNull()) // leave | trip | training
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // scheduled | active | ended | cancelled
    .addColumn('created_by_person_id', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // the minute job: what starts (scheduled by starts_at) and what ends (active by ends_at)
  await db.schema.createIndex('planned_absences_due_idx').on('planned_absences').columns(['status', 'starts_at']).execute();
  await db.schema.createIndex('planned_absences_end_idx').on('planned_absences').columns(['status', 'ends_at']).execute();
  await db.schema.createIndex('planned_absences_person_idx').on('planned_absences').columns(['person_id', 'starts_at']).execute();
  await db.schema.createIndex('planned_absences_department_idx').on('planned_absences').columns(['department_id', 'starts_at']).execute();

  await db.schema
    .createTable('door_boards')
    .addColumn('department_id', 'text', (c) => c.primaryKey().notNull().references('departments.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // people set 'away' by hand before the board existed: on the board as "out", so the two agree
  const now = new Date().toISOString();
  await sql`
    insert into whereabouts (person_id, state, set_at, source, version)
    select id, 'out', ${now}, 'head', 1 from people where status = 'away'
  `.execute(db);
  await sql`
    insert into whereabouts_history (id, person_id, state, source, at)
    select ${sql.lit('mig-')} || id, id, 'out', 'head', ${now} from people where status = 'away'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('door_boards').execute();
  await db.schema.dropTable('planned_absences').execute();
  await db.schema.dropTable('whereabouts_history').execute();
  await db.schema.dropTable('whereabouts').execute();
}
