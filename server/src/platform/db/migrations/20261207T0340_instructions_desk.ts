import { sql, type Kysely } from 'kysely';

/**
 * 领导批示与落实反馈, and what the desk (工作台待办) counts from. Runs on SQLite and PostgreSQL.
 *
 * - `instructions`: an instruction on a task or to a unit, and the unit's feedback. Instructions
 *   given before (the 'instruct' events of task histories) become records that asked for no feedback,
 *   with the event's id, so the task page and the instruction list show them alike.
 * - `task_due_counters`: tasks by lead department, plan, due date and outcome (open, closed on time,
 *   closed late), kept in the same transaction as every task write (按期办结率 without a scan).
 *   Filled here from the tasks as they stand.
 * - `tasks_status_due_idx`: the most urgent tasks of one status across all departments (the office's
 *   close-out requests on the desk) without reading every task.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instructions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // noted | awaiting | answered
    .addColumn('feedback_due_date', 'text') // YYYY-MM-DD; null: no feedback asked
    .addColumn('leader_user_id', 'text')
    .addColumn('leader_person_id', 'text')
    .addColumn('leader_name', 'text', (c) => c.notNull())
    .addColumn('task_event_id', 'text')
    .addColumn('feedback_text', 'text')
    .addColumn('feedback_evidence_ref', 'text')
    .addColumn('feedback_by_user_id', 'text')
    .addColumn('feedback_by_name', 'text')
    .addColumn('feedback_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // a unit's instructions waiting for its feedback, soonest due first (the desk, the list)
  await db.schema
    .createIndex('instructions_department_idx')
    .on('instructions')
    .columns(['department_id', 'state', 'feedback_due_date'])
    .execute();
  await db.schema.createIndex('instructions_task_idx').on('instructions').columns(['task_id', 'id']).execute();
  await db.schema
    .createIndex('instructions_leader_idx')
    .on('instructions')
    .columns(['leader_user_id', 'state', 'feedback_due_date'])
    .execute();
  await sql`
    insert into instructions (id, task_id, department_id, text, state, feedback_due_date, leader_user_id, leader_person_id,
                              leader_name, task_event_id, version, created_at)
    select e.id, e.task_id, t.lead_department_id, e.text, 'noted', null, e.actor_user_id, u.person_id, e.actor_name, e.id, 1, e.at
    from task_events e
    join tasks t on t.id = e.task_id
    left join users u on u.id = e.actor_user_id
    where e.kind = 'instruct'
  `.execute(db);

  await db.schema
    .createTable('task_due_counters')
    .addColumn('lead_department_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull()) // open | on_time | late
    .addColumn('task_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('task_due_counters_pk', ['lead_department_id', 'plan_id', 'due_date', 'outcome'])
    .execute();
  await db.schema.createIndex('task_due_counters_plan_idx').on('task_due_counters').columns(['plan_id', 'due_date']).execute();
  await fillDueCounters(db);

  await db.schema.createIndex('tasks_status_due_idx').on('tasks').columns(['status', 'due_date']).execute();
}

/** The same rule as modules/tasks/task-due-counters.repo.ts, for the tasks that exist now. */
function outcomeOf(t: { status: string; due_date: string; closed_at: string | null }): string | null {
  if (t.status === 'draft') return null;
  if (t.status !== 'closed') return 'open';
  if (!t.closed_at) return 'late';
  const closedOn = new Date(Date.parse(t.closed_at) + 8 * 3_600_000).toISOString().slice(0, 10); // Asia/Shanghai, no DST
  return closedOn <= t.due_date ? 'on_time' : 'late';
}

async function fillDueCounters(db: Kysely<any>) {
  const counts = new Map<string, number>();
  for (let after = ''; ;) {
    // one-word aliases: the rows read the same with or without the app's CamelCasePlugin
    const { rows: batch } = await sql<{ id: string; lead: string; plan: string; due: string; status: string; closed: string | null }>`
      select id, lead_department_id as lead, plan_id as plan, due_date as due, status, closed_at as closed
      from tasks where id > ${after} order by id limit 5000
    `.execute(db);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    for (const t of batch) {
      const outcome = outcomeOf({ status: t.status, due_date: t.due, closed_at: t.closed });
      if (!outcome) continue;
      const key = JSON.stringify([t.lead, t.plan, t.due, outcome]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const rows = [...counts].map(([key, n]) => {
    const [lead, plan, due, outcome] = JSON.parse(key) as string[];
    return { lead_department_id: lead, plan_id: plan, due_date: due, outcome, task_count: n };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('task_due_counters')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tasks_status_due_idx').execute();
  await db.schema.dropTable('task_due_counters').execute();
  await db.schema.dropTable('instructions').execute();
}
