import type { Executor } from '../../platform/db/database.ts';
import type { TaskEventsTable } from '../../platform/db/schema.ts';

export type TaskEventRow = TaskEventsTable;

/** The history of a task (progress reports, transitions, urgings, instructions) and the files it references. */
export const taskEventsRepo = {
  async insert(db: Executor, row: TaskEventRow) {
    await db.insertInto('taskEvents').values(row).execute();
    const fileIds = JSON.parse(row.fileIds) as string[];
    if (fileIds.length)
      await db
        .insertInto('taskFiles')
        .values(fileIds.map((fileId) => ({ fileId, eventId: row.id, taskId: row.taskId })))
        .execute();
  },
  /** Oldest first; ids are time-ordered (UUIDv7). */
  ofTask: (db: Executor, taskId: string) => db.selectFrom('taskEvents').selectAll().where('taskId', '=', taskId).orderBy('id').execute(),
  /** Files attached to the task by events after `afterEventId` (the current round of work). */
  async fileCountSince(db: Executor, taskId: string, afterEventId: string | null) {
    let q = db
      .selectFrom('taskFiles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('taskId', '=', taskId);
    if (afterEventId) q = q.where('eventId', '>', afterEventId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },
  /** The latest event of one of these kinds, e.g. the last return or reopen, or who assigned it last. */
  lastOfKinds: (db: Executor, taskId: string, kinds: string[]) =>
    db
      .selectFrom('taskEvents')
      .select(['id', 'kind', 'at', 'actorUserId'])
      .where('taskId', '=', taskId)
      .where('kind', 'in', kinds)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  /** The latest progress report or close-out request, whole: what a department head reviews (部门审核). */
  lastSubmission: (db: Executor, taskId: string) =>
    db
      .selectFrom('taskEvents')
      .selectAll()
      .where('taskId', '=', taskId)
      .where('kind', 'in', ['report', 'request_close'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  /** The latest progress report of each task (最新进展 in the export), in chunks the engines take as parameters. */
  async latestReports(db: Executor, taskIds: string[]): Promise<Map<string, TaskEventRow>> {
    const out = new Map<string, TaskEventRow>();
    const ids = [...new Set(taskIds)];
    for (let i = 0; i < ids.length; i += 5_000) {
      const chunk = ids.slice(i, i + 5_000);
      const latest = db
        .selectFrom('taskEvents')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('taskId', 'in', chunk)
        .where('kind', '=', 'report')
        .groupBy('taskId');
      const rows = await db.selectFrom('taskEvents').selectAll().where('id', 'in', latest).execute();
      for (const r of rows) out.set(r.taskId, r);
    }
    return out;
  },
  /** The tasks that reference a file (who may download it). */
  tasksReferencing: (db: Executor, fileId: string) =>
    db
      .selectFrom('taskFiles')
      .select('taskId')
      .distinct()
      .where('fileId', '=', fileId)
      .execute()
      .then((r) => r.map((x) => x.taskId)),
};
