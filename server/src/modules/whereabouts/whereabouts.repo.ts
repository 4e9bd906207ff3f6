import type { Executor } from '../../platform/db/database.ts';
import { writeEpoch } from '../../platform/db/write-epoch.ts';
import type { DoorBoardsTable, WhereaboutsHistoryTable, WhereaboutsTable } from '../../platform/db/schema.ts';

export type WhereaboutsRow = WhereaboutsTable;
export type WhereaboutsHistoryRow = WhereaboutsHistoryTable;
export type DoorBoardRow = DoorBoardsTable;

/** Moves on after every committed change of someone's state: kept boards (whereabouts-board.cache.ts) are built again. */
export const whereaboutsEpoch = writeEpoch('whereabouts');

/** The SQL of 去向牌: the state now, its history (append-only) and the door boards' public codes. */
export const whereaboutsRepo = {
  byPerson: (db: Executor, personId: string) =>
    db.selectFrom('whereabouts').selectAll().where('personId', '=', personId).executeTakeFirst(),

  async byPeople(db: Executor, personIds: string[]): Promise<Map<string, WhereaboutsRow>> {
    const ids = [...new Set(personIds)];
    const out = new Map<string, WhereaboutsRow>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('whereabouts')
        .selectAll()
        .where('personId', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) out.set(r.personId, r);
    }
    return out;
  },

  /** The first row of a person; false when another writer made it first (the caller answers 409). */
  async insert(db: Executor, row: WhereaboutsRow): Promise<boolean> {
    whereaboutsEpoch.changed(db);
    const r = await db
      .insertInto('whereabouts')
      .values(row)
      .onConflict((oc) => oc.column('personId').doNothing())
      .returning('personId')
      .executeTakeFirst();
    return r !== undefined;
  },

  /** Optimistic update: false when the version moved on. */
  async update(db: Executor, personId: string, version: number, patch: Omit<WhereaboutsRow, 'personId' | 'version'>): Promise<boolean> {
    whereaboutsEpoch.changed(db);
    const r = await db
      .updateTable('whereabouts')
      .set({ ...patch, version: version + 1 })
      .where('personId', '=', personId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  appendHistory: (db: Executor, row: WhereaboutsHistoryRow) => db.insertInto('whereaboutsHistory').values(row).execute(),

  /** One person's history, newest first, with the total. */
  async historyPage(db: Executor, personId: string, page: { limit: number; offset: number }) {
    const base = db.selectFrom('whereaboutsHistory').where('personId', '=', personId);
    const [items, total] = await Promise.all([
      base.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  doorBoardOf: (db: Executor, departmentId: string) =>
    db.selectFrom('doorBoards').selectAll().where('departmentId', '=', departmentId).executeTakeFirst(),
  doorBoardByCode: (db: Executor, code: string) => db.selectFrom('doorBoards').selectAll().where('code', '=', code).executeTakeFirst(),
  /** The department's board, unless one was made meanwhile (then that one stands). */
  async insertDoorBoard(db: Executor, row: DoorBoardRow): Promise<boolean> {
    const r = await db
      .insertInto('doorBoards')
      .values(row)
      .onConflict((oc) => oc.column('departmentId').doNothing())
      .returning('departmentId')
      .executeTakeFirst();
    return r !== undefined;
  },
};
