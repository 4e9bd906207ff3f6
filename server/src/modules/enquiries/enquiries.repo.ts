import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { DB, EnquiriesTable, EnquiryHandoversTable } from '../../platform/db/schema.ts';

export type EnquiryRow = EnquiriesTable;
export type HandoverRow = EnquiryHandoversTable;

/** Where an actor receives hand-overs: by name, as the acting holder of posts, in their department (with enquiries.handle). */
export type Receiving = { personId: string; departmentId: string | null; postIds: string[] };

/** Who may see which enquiries, resolved before the query. */
export type EnquiryVisibility =
  { all: true } | { all: false; departmentIds: string[]; personId: string | null; receiving: Receiving | null };

/** Not yet closed: its time limit still runs (a hand-over or an answer does not stop it; closing does). */
export const ACTIVE_STATUSES = ['open', 'handing_over', 'replied'] as const;

export type EnquiryFilter = {
  ownerOrHeldFor?: string;
  departmentId?: string;
  awaiting?: Receiving | null;
  status?: string;
  /** true: not closed (ACTIVE_STATUSES); false: closed */
  active?: boolean;
  channel?: string;
  code?: string;
  subjectLike?: string;
};

type Eb = ExpressionBuilder<DB, 'enquiries'>;
const none = sql<SqlBool>`1 = 0`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A pending hand-over of this enquiry addressed to the receiver, not offered by them. */
function pendingTo(eb: Eb, r: Receiving): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('enquiryHandovers as h')
      .select('h.id')
      .whereRef('h.enquiryId', '=', 'enquiries.id')
      .where('h.status', '=', 'pending')
      .where('h.fromPersonId', '<>', r.personId)
      .where((x) => {
        const to = [x('h.toPersonId', '=', r.personId)];
        if (r.departmentId) to.push(x('h.toDepartmentId', '=', r.departmentId));
        if (r.postIds.length) to.push(x('h.toPostId', 'in', r.postIds));
        return x.or(to);
      }),
  );
}

function visible(eb: Eb, v: EnquiryVisibility): Expression<SqlBool> | null {
  if (v.all) return null;
  const any: Expression<SqlBool>[] = [];
  if (v.departmentIds.length) any.push(eb('enquiries.departmentId', 'in', v.departmentIds));
  const p = v.personId;
  if (p) {
    any.push(
      eb('enquiries.ownerPersonId', '=', p),
      eb('enquiries.actingForPersonId', '=', p),
      eb('enquiries.registeredByPersonId', '=', p),
    );
    any.push(
      eb.exists(
        eb
          .selectFrom('enquiryHandovers as c')
          .select('c.id')
          .whereRef('c.enquiryId', '=', 'enquiries.id')
          .where((x) =>
            x.or([
              x('c.fromPersonId', '=', p),
              x('c.toPersonId', '=', p),
              x('c.decidedByPersonId', '=', p),
              x('c.actingForPersonId', '=', p),
            ]),
          ),
      ),
    );
  }
  if (v.receiving) any.push(pendingTo(eb, v.receiving));
  return any.length ? eb.or(any) : none;
}

function conditions(eb: Eb, v: EnquiryVisibility, f: EnquiryFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  const seen = visible(eb, v);
  if (seen) all.push(seen);
  if (f.ownerOrHeldFor)
    all.push(eb.or([eb('enquiries.ownerPersonId', '=', f.ownerOrHeldFor), eb('enquiries.actingForPersonId', '=', f.ownerOrHeldFor)]));
  if (f.departmentId) all.push(eb('enquiries.departmentId', '=', f.departmentId));
  if (f.awaiting !== undefined) all.push(f.awaiting ? pendingTo(eb, f.awaiting) : none);
  if (f.status) all.push(eb('enquiries.status', '=', f.status));
  if (f.active !== undefined)
    all.push(f.active ? eb('enquiries.status', 'in', [...ACTIVE_STATUSES]) : eb('enquiries.status', '=', 'closed'));
  if (f.channel) all.push(eb('enquiries.channel', '=', f.channel));
  if (f.code) all.push(eb('enquiries.code', '=', f.code));
  if (f.subjectLike)
    all.push(sql<SqlBool>`lower(${sql.ref('enquiries.subject')}) like ${`%${escapeLike(f.subjectLike.toLowerCase())}%`} escape '\\'`);
  return eb.and(all);
}

/** The SQL of 首问负责: enquiries and their hand-over chains. */
export const enquiriesRepo = {
  byId: (db: Executor, id: string) => db.selectFrom('enquiries').selectAll().where('id', '=', id).executeTakeFirst(),
  byCode: (db: Executor, code: string) => db.selectFrom('enquiries').selectAll().where('code', '=', code).executeTakeFirst(),
  insert: (db: Executor, row: EnquiryRow) => db.insertInto('enquiries').values(row).execute(),
  /** Optimistic update: false when the version moved on. */
  update: (db: Executor, id: string, version: number, patch: Partial<EnquiryRow>) => updateVersioned(db, 'enquiries', id, version, patch),

  /** A page, newest first, with the total. */
  async page(db: Executor, v: EnquiryVisibility, f: EnquiryFilter, page: { limit: number; offset: number }) {
    const base = db.selectFrom('enquiries').where((eb) => conditions(eb, v, f));
    const [items, total] = await Promise.all([
      base.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  /** The ids of every match, no page (the desk: one person's open enquiries and hand-overs are a handful). */
  async idsOf(db: Executor, v: EnquiryVisibility, f: EnquiryFilter): Promise<string[]> {
    const rows = await db
      .selectFrom('enquiries')
      .select('id')
      .where((eb) => conditions(eb, v, f))
      .execute();
    return rows.map((r) => r.id);
  },
  byIds: (db: Executor, ids: string[]) =>
    ids.length === 0 ? Promise.resolve([] as EnquiryRow[]) : db.selectFrom('enquiries').selectAll().where('id', 'in', ids).execute(),

  insertHandover: (db: Executor, row: HandoverRow) => db.insertInto('enquiryHandovers').values(row).execute(),
  handoverById: (db: Executor, id: string) => db.selectFrom('enquiryHandovers').selectAll().where('id', '=', id).executeTakeFirst(),
  /** The chains of these enquiries, oldest first. */
  handoversOf(db: Executor, enquiryIds: string[]) {
    if (enquiryIds.length === 0) return Promise.resolve([] as HandoverRow[]);
    return db.selectFrom('enquiryHandovers').selectAll().where('enquiryId', 'in', enquiryIds).orderBy('id').execute();
  },
  /** Decides a pending hand-over; false when it was decided meanwhile. */
  async decideHandover(db: Executor, id: string, patch: Partial<HandoverRow>) {
    const r = await db.updateTable('enquiryHandovers').set(patch).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
