import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { BulletinCommentsTable, BulletinSettingsTable, BulletinsTable } from '../../platform/db/schema-bulletins.ts';

export type BulletinRow = BulletinsTable;
export type CommentRow = BulletinCommentsTable;
export type SettingsRow = BulletinSettingsTable;
export type SignedHeadColumns = Pick<
  BulletinRow,
  'headSeq' | 'headHash' | 'headAlgorithm' | 'headKeyId' | 'headPublicKey' | 'headSignature' | 'headSignedAt'
>;

/** The list's columns: everything but the snapshot's department figures and overdue items. */
const SUMMARY_COLUMNS = [
  'id',
  'planId',
  'year',
  'quarter',
  'periodStart',
  'periodEnd',
  'title',
  'status',
  'number',
  'publishedAt',
  'version',
] as const;
export type BulletinSummaryRow = Pick<BulletinRow, (typeof SUMMARY_COLUMNS)[number]>;

export type BulletinFilter = { planId?: string; status?: string; year?: number; statuses: string[] };

/** The SQL of 季度通报, their 领导点评 and the per-plan settings. */
export const bulletinsRepo = {
  byId: (db: Executor, id: string) => db.selectFrom('bulletins').selectAll().where('id', '=', id).executeTakeFirst(),
  ofQuarter: (db: Executor, planId: string, year: number, quarter: number) =>
    db
      .selectFrom('bulletins')
      .selectAll()
      .where('planId', '=', planId)
      .where('year', '=', year)
      .where('quarter', '=', quarter)
      .executeTakeFirst(),
  insert: (db: Executor, row: BulletinRow) => db.insertInto('bulletins').values(row).execute(),
  /** Optimistic update: false when the version moved on. */
  update: (db: Executor, id: string, version: number, patch: Partial<BulletinRow>) => updateVersioned(db, 'bulletins', id, version, patch),
  /** The signed head, stored in the publishing transaction after the event it covers (it is not part of the row's seal). */
  storeHead: (db: Executor, id: string, head: SignedHeadColumns) => db.updateTable('bulletins').set(head).where('id', '=', id).execute(),

  /** A page of bulletins (in the statuses the actor may see), newest quarter first, with the total. */
  async page(db: Executor, f: BulletinFilter, page: { limit: number; offset: number }) {
    let q = db.selectFrom('bulletins').where('status', 'in', f.statuses);
    if (f.planId) q = q.where('planId', '=', f.planId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.year) q = q.where('year', '=', f.year);
    const [items, total] = await Promise.all([
      q.select(SUMMARY_COLUMNS).orderBy('periodStart', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },
  /** The snapshots of the listed bulletins, for their best and worst names. */
  rankingsOf: (db: Executor, ids: string[]) =>
    ids.length ? db.selectFrom('bulletins').select(['id', 'ranking']).where('id', 'in', ids).execute() : Promise.resolve([]),

  commentsOf: (db: Executor, bulletinId: string) =>
    db.selectFrom('bulletinComments').selectAll().where('bulletinId', '=', bulletinId).orderBy('createdAt').orderBy('id').execute(),
  commentById: (db: Executor, bulletinId: string, id: string) =>
    db.selectFrom('bulletinComments').selectAll().where('bulletinId', '=', bulletinId).where('id', '=', id).executeTakeFirst(),
  insertComment: (db: Executor, row: CommentRow) => db.insertInto('bulletinComments').values(row).execute(),
  deleteComment: (db: Executor, id: string) => db.deleteFrom('bulletinComments').where('id', '=', id).execute(),

  settingsOf: (db: Executor, planId: string) =>
    db.selectFrom('bulletinSettings').selectAll().where('planId', '=', planId).executeTakeFirst(),
  insertSettings: (db: Executor, row: SettingsRow) =>
    db
      .insertInto('bulletinSettings')
      .values(row)
      .onConflict((oc) => oc.column('planId').doNothing())
      .returning('planId')
      .executeTakeFirst()
      .then((r) => r !== undefined),
  updateSettings: async (db: Executor, planId: string, version: number, patch: Partial<SettingsRow>) => {
    const r = await db
      .updateTable('bulletinSettings')
      .set({ ...patch, version: version + 1 })
      .where('planId', '=', planId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
