import type { Kysely } from 'kysely';

/**
 * The tag-and-fight board (tasksRepo.mostUrgent) asks colour by colour — red, yellow, blue, then
 * none — for the plan's tagged tasks soonest due first. Each of those is a range of this index read
 * in order and stopped at the board's 200, where before the board sorted every tagged row of the
 * plan on a computed colour rank (2.4 s cold at a million tasks when the planner chose the plan's
 * code index).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('tasks_board_idx').on('tasks').columns(['plan_id', 'tagged', 'warning', 'due_date', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tasks_board_idx').execute();
}
