import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { DemandAttachmentsTable, DemandEventsTable, DemandsTable, SolicitationsTable } from '../../platform/db/schema-demands.ts';

export type DemandRow = DemandsTable;
export type DemandEventRow = DemandEventsTable;
export type DemandAttachmentRow = DemandAttachmentsTable;
export type SolicitationRow = SolicitationsTable;

/** Filters of the console's lists; `departmentIds` null: every department (scope all); `statuses` empty: none match. */
export type DemandFilter = {
  statuses?: string[];
  departmentId?: string;
  departmentIds?: string[] | null;
  kind?: string;
  channel?: string;
  solicitationId?: string;
  q?: string;
  /** past their time limit's last day: due before this day (YYYY-MM-DD) */
  overdueBefore?: string;
  /** merged items are listed under the item they joined, not on their own */
  includeMerged?: boolean;
};

/** Demands, their events and attachments, and solicitation campaigns: the only SQL on these tables. */
export const demandsRepo = {
  insert: (db: Executor, row: DemandRow) => db.insertInto('demands').values(row).execute(),
  byId: (db: Executor, id: string) => db.selectFrom('demands').selectAll().where('id', '=', id).executeTakeFirst(),
  byCode: (db: Executor, code: string) => db.selectFrom('demands').selectAll().where('code', '=', code).executeTakeFirst(),
  /**
   * Open311's GET requests: demands (not suggestions) not hidden by a moderator, newest first, at most `limit` — by their
   * tracking codes alone when given (the specification lets them override every other filter), else
   * received within [from, to] (ISO instants), of these categories and statuses (merged items whatever
   * theirs) when given.
   */
  open311Requests(
    db: Executor,
    f: { codes?: string[]; categories?: string[]; statuses?: string[]; from: string; to: string },
    limit: number,
  ): Promise<DemandRow[]> {
    let q = db.selectFrom('demands').selectAll().where('kind', '=', 'demand').where('hiddenAt', 'is', null);
    if (f.codes) q = f.codes.length ? q.where('code', 'in', f.codes) : q.where('id', '=', '');
    else {
      q = q.where('createdAt', '>=', f.from).where('createdAt', '<=', f.to);
      if (f.categories) q = f.categories.length ? q.where('category', 'in', f.categories) : q.where('id', '=', '');
      // a merged item's own status stands still: the item it joined answers for it, so the caller narrows those
      if (f.statuses) q = q.where((eb) => eb.or([eb('status', 'in', f.statuses!), eb('mergedIntoId', 'is not', null)]));
    }
    return q.orderBy('id', 'desc').limit(limit).execute();
  },
  byIds(db: Executor, ids: string[]): Promise<DemandRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('demands').selectAll().where('id', 'in', ids).execute();
  },
  /** the items merged into `id` */
  mergedInto: (db: Executor, id: string) => db.selectFrom('demands').selectAll().where('mergedIntoId', '=', id).orderBy('id').execute(),
  /** how many items each of `ids` has merged into it */
  async mergedCounts(db: Executor, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('demands')
      .select(['mergedIntoId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('mergedIntoId', 'in', ids)
      .groupBy('mergedIntoId')
      .execute();
    return new Map(rows.map((r) => [r.mergedIntoId!, Number(r.n)]));
  },
  update: (db: Executor, id: string, version: number, patch: Partial<DemandRow>) => updateVersioned(db, 'demands', id, version, patch),

  list(db: Executor, f: DemandFilter, page: { offset: number; limit: number }) {
    let q = db.selectFrom('demands');
    if (f.statuses) q = f.statuses.length ? q.where('status', 'in', f.statuses) : q.where('id', '=', '');
    if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
    if (f.departmentIds) q = f.departmentIds.length ? q.where('departmentId', 'in', f.departmentIds) : q.where('id', '=', '');
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.solicitationId) q = q.where('solicitationId', '=', f.solicitationId);
    if (!f.includeMerged) q = q.where('mergedIntoId', 'is', null);
    if (f.overdueBefore) {
      const before = f.overdueBefore;
      q = q.where('id', 'in', (eb) => eb.selectFrom('demandDeadlines').select('demandId').where('dueOn', '<', before));
    }
    if (f.q) {
      const words = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const code = f.q.toUpperCase().replace(/[^0-9A-Z]/g, '');
      q = q.where((eb) => eb.or([eb('title', 'like', words), eb('code', '=', code)]));
    }
    return Promise.all([
      q.selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
      q
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n)),
    ]);
  },

  insertEvent: (db: Executor, row: DemandEventRow) => db.insertInto('demandEvents').values(row).execute(),
  events: (db: Executor, demandId: string) =>
    db.selectFrom('demandEvents').selectAll().where('demandId', '=', demandId).orderBy('id').execute(),

  insertAttachment: (db: Executor, row: DemandAttachmentRow) => db.insertInto('demandAttachments').values(row).execute(),
  attachments: (db: Executor, demandId: string) =>
    db.selectFrom('demandAttachments').selectAll().where('demandId', '=', demandId).orderBy('id').execute(),
  attachmentById: (db: Executor, id: string) => db.selectFrom('demandAttachments').selectAll().where('id', '=', id).executeTakeFirst(),

  insertSolicitation: (db: Executor, row: SolicitationRow) => db.insertInto('solicitations').values(row).execute(),
  solicitationById: (db: Executor, id: string) => db.selectFrom('solicitations').selectAll().where('id', '=', id).executeTakeFirst(),
  solicitationByCode: (db: Executor, code: string) =>
    db.selectFrom('solicitations').selectAll().where('code', '=', code).executeTakeFirst(),
  solicitations: (db: Executor) => db.selectFrom('solicitations').selectAll().orderBy('opensOn', 'desc').orderBy('id', 'desc').execute(),
  updateSolicitation: (db: Executor, id: string, version: number, patch: Partial<SolicitationRow>) =>
    updateVersioned(db, 'solicitations', id, version, patch),
  async submissionCounts(db: Executor, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('demands')
      .select(['solicitationId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('solicitationId', 'in', ids)
      .groupBy('solicitationId')
      .execute();
    return new Map(rows.map((r) => [r.solicitationId!, Number(r.n)]));
  },
};
