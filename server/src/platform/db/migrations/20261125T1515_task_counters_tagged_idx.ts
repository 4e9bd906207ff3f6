import type { Kysely } from 'kysely';

/**
 * The tag-and-fight board's counts (taskCountersRepo.countsBy with { planId, tagged }) filtered on
 * the counters' first and eighth key columns, so they read every counter row of the plan: about
 * 37,000 rows at 100,000 tasks (≈ 60 ms under load on SQLite), several hundred thousand at a million.
 * With this index they read only the tagged rows, the counts covered by the index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('task_counters_plan_tagged_idx')
    .on('task_counters')
    .columns(['plan_id', 'tagged', 'status', 'warning', 'task_count'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('task_counters_plan_tagged_idx').execute();
}
