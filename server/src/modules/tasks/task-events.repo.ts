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
