import type { Executor } from '../../platform/db/database.ts';
import { tasksRepo, type TaskRow } from './tasks.repo.ts';

/**
 * What the weekly dispatch (一周一调度, modules/dispatch) reads of the supervision module: the open
 * red and yellow tasks of a plan under some departments, the most pressing first, with how many
 * there are in all; and tasks by id (the tasks its instructions and decisions point at).
 */
export const warnedOpenTasks = (db: Executor, q: { planId: string; departmentIds: string[] | null; limit: number }) =>
  tasksRepo.warnedOpen(db, q.planId, q.departmentIds, q.limit);

export const taskRowsByIds = (db: Executor, ids: string[]): Promise<TaskRow[]> => tasksRepo.byIds(db, ids);
