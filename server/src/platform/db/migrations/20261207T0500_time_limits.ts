import { sql, type Kysely } from 'kysely';

/**
 * 限时办结制 (time-limited completion). Runs on SQLite and PostgreSQL.
 *
 * - `time_limit_rules`: the limit in working days of each kind of item, seeded with the defaults
 *   below (docs/time-limits.md says why these).
 * - `timers`: one per item (kind + subject id): whose it is (department, owner), when it started,
 *   when it is due, when it was done and whether on time. Filled here for the tasks that exist
 *   now — tasks keep their timers from then on (modules/tasks/task-timer.ts).
 * - indexes: the on-time statistics by department and by owner, of one kind, over a due-date range.
 */
const DEFAULT_LIMITS: Record<string, number> = {
  enquiry: 3, // 首问咨询: answered within three working days
  task: 10, // 督办任务 without a date of its own
  public_demand: 5, // 群众诉求, as a 12345 hotline answers
  rectification: 15, // 整改
  bad_review: 5, // 差评: handled and the rater revisited
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('time_limit_rules')
    .addColumn('kind', 'text', (c) => c.primaryKey().notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text') // the name of who changed it; null: the shipped default
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('time_limit_rules')
    .values(Object.entries(DEFAULT_LIMITS).map(([kind, days]) => ({ kind, working_days: days, updated_at: now, updated_by: null })))
    .execute();

  await db.schema
    .createTable('timers')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('owner_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('started_on', 'text', (c) => c.notNull()) // YYYY-MM-DD, Asia/Shanghai
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text') // UTC instant; null while open
    .addColumn('done_on', 'text')
    .addColumn('on_time', 'integer') // 1 | 0; null while open
    .addPrimaryKeyConstraint('timers_pk', ['kind', 'subject_id'])
    .execute();
  await db.schema.createIndex('timers_department_idx').on('timers').columns(['department_id', 'kind', 'due_on']).execute();
  await db.schema.createIndex('timers_owner_idx').on('timers').columns(['owner_person_id', 'kind', 'due_on']).execute();
  await fillTaskTimers(db);
}

const shanghaiDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A timer for every task as it stands: started the day it was made, due on its due date, owned by
 * the person it was dispatched to or else its post's A holder, done when closed. The same rule as
 * modules/tasks/task-timer.ts (task-timer.test.ts checks that both give the same rows).
 */
export async function fillTaskTimers(db: Kysely<any>) {
  for (let after = ''; ;) {
    // one-word aliases: the rows read the same with or without the app's CamelCasePlugin
    const { rows: batch } = await sql<{
      id: string;
      lead: string;
      handler: string | null;
      holder: string | null;
      created: string;
      due: string;
      status: string;
      closed: string | null;
    }>`
      select t.id, t.lead_department_id as lead, t.handler_person_id as handler, coalesce(p.a_person_id, p.b_person_id) as holder,
             t.created_at as created, t.due_date as due, t.status, t.closed_at as closed
      from tasks t left join posts p on p.id = t.responsible_post_id
      where t.id > ${after} order by t.id limit 2000
    `.execute(db);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    const rows = batch.map((t) => {
      const doneAt = t.status === 'closed' ? (t.closed ?? t.created) : null;
      const doneOn = doneAt ? shanghaiDay(doneAt) : null;
      return {
        kind: 'task',
        subject_id: t.id,
        department_id: t.lead,
        owner_person_id: t.handler ?? t.holder,
        started_on: shanghaiDay(t.created),
        due_on: t.due,
        done_at: doneAt,
        done_on: doneOn,
        on_time: doneOn === null ? null : doneOn <= t.due ? 1 : 0,
      };
    });
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('timers')
        .values(rows.slice(i, i + 200))
        .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('timers').execute();
  await db.schema.dropTable('time_limit_rules').execute();
}
