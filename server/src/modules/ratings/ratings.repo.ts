import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { DB, RatingAppealsTable, RatingsTable } from '../../platform/db/schema.ts';

export type RatingRow = RatingsTable;
export type RatingAppealRow = RatingAppealsTable;

/** Whose ratings the actor may see, resolved before the query: all, or their departments' and their own. */
export type RatingVisibility = { all: true } | { all: false; departmentIds: string[]; selfPersonId: string | null };

export type RatingFilter = {
  departmentId?: string;
  personId?: string;
  source?: string;
  score?: number;
  bad?: boolean;
  appealState?: string;
  from?: string;
  to?: string;
};

type Eb = ExpressionBuilder<DB, 'ratings'>;

function visible(eb: Eb, v: RatingVisibility) {
  if (v.all) return eb.and([]); // 1 = 1: SQLite cannot bind a boolean
  const ors = [];
  if (v.departmentIds.length) ors.push(eb('ratings.departmentId', 'in', v.departmentIds));
  if (v.selfPersonId) ors.push(eb('ratings.personId', '=', v.selfPersonId));
  return eb.or(ors); // none: 1 = 0
}

function matching(eb: Eb, f: RatingFilter) {
  const and = [];
  if (f.departmentId) and.push(eb('ratings.departmentId', '=', f.departmentId));
  if (f.personId) and.push(eb('ratings.personId', '=', f.personId));
  if (f.source) and.push(eb('ratings.source', '=', f.source));
  if (f.score) and.push(eb('ratings.score', '=', f.score));
  if (f.bad !== undefined) and.push(eb('ratings.bad', '=', f.bad ? 1 : 0));
  if (f.appealState) and.push(eb('ratings.appealState', '=', f.appealState));
  if (f.from) and.push(eb('ratings.ratedOn', '>=', f.from));
  if (f.to) and.push(eb('ratings.ratedOn', '<=', f.to));
  return eb.and(and);
}

/** The figures of a group, in one pass: upheld appeals count only as appeals (raw SQL: snake_case columns). */
const FIGURES = [
  sql<number>`sum(case when appeal_state <> 'upheld' then 1 else 0 end)`.as('n'),
  sql<number>`sum(case when appeal_state <> 'upheld' then score else 0 end)`.as('scoreSum'),
  sql<number>`sum(case when appeal_state <> 'upheld' and score = 1 then 1 else 0 end)`.as('s1'),
  sql<number>`sum(case when appeal_state <> 'upheld' and score = 2 then 1 else 0 end)`.as('s2'),
  sql<number>`sum(case when appeal_state <> 'upheld' and score = 3 then 1 else 0 end)`.as('s3'),
  sql<number>`sum(case when appeal_state <> 'upheld' and score = 4 then 1 else 0 end)`.as('s4'),
  sql<number>`sum(case when appeal_state <> 'upheld' and score = 5 then 1 else 0 end)`.as('s5'),
  sql<number>`sum(case when appeal_state <> 'upheld' and bad = 1 then 1 else 0 end)`.as('badCount'),
  sql<number>`sum(case when appeal_state = 'appealed' then 1 else 0 end)`.as('appealed'),
  sql<number>`sum(case when appeal_state = 'upheld' then 1 else 0 end)`.as('upheld'),
  sql<number>`sum(case when appeal_state = 'rejected' then 1 else 0 end)`.as('rejected'),
] as const;
export type FigureSums = { n: number; scoreSum: number; s1: number; s2: number; s3: number; s4: number; s5: number } & {
  badCount: number;
  appealed: number;
  upheld: number;
  rejected: number;
};

/** 好差评's SQL: ratings, their appeals, and the departments' public page codes. */
export const ratingsRepo = {
  /** Inserts unless the service event was rated already (UNIQUE service_event_key): false then, on both engines, race or not. */
  async insertOnce(db: Executor, row: RatingRow): Promise<boolean> {
    const r = await db
      .insertInto('ratings')
      .values(row)
      .onConflict((oc) => oc.column('serviceEventKey').doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },
  byId: (db: Executor, id: string) => db.selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirst(),
  update: (db: Executor, id: string, version: number, patch: Partial<RatingRow>) => updateVersioned(db, 'ratings', id, version, patch),

  async page(db: Executor, v: RatingVisibility, f: RatingFilter, p: { limit: number; offset: number }) {
    const base = db.selectFrom('ratings').where((eb) => eb.and([visible(eb, v), matching(eb, f)]));
    const [items, total] = await Promise.all([
      base.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(p.limit).offset(p.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  /** Figures by department, by person and by month of the service day, over the visible ratings that match. */
  async figures(db: Executor, v: RatingVisibility, f: RatingFilter) {
    const base = db.selectFrom('ratings').where((eb) => eb.and([visible(eb, v), matching(eb, f)]));
    const month = sql<string>`substr(rated_on, 1, 7)`;
    const [departments, people, months] = await Promise.all([
      base
        .select(['departmentId', ...FIGURES])
        .groupBy('departmentId')
        .execute(),
      base
        .select(['personId', 'departmentId', ...FIGURES])
        .groupBy(['personId', 'departmentId'])
        .execute(),
      base
        .select([month.as('month'), ...FIGURES])
        .groupBy(month)
        .execute(),
    ]);
    return { departments, people, months };
  },

  /** Count and score sum per person (or department) over the ratings that count, from a service day on. */
  async summaries(db: Executor, by: 'personId' | 'departmentId', ids: string[], since: string) {
    if (ids.length === 0) return [];
    return db
      .selectFrom('ratings')
      .select((eb) => [eb.ref(by).as('key'), FIGURES[0], FIGURES[1]])
      .where(by, 'in', [...new Set(ids)])
      .where('ratedOn', '>=', since)
      .where('appealState', '<>', 'upheld')
      .groupBy(by)
      .execute();
  },

  /** A department's bad reviews from a service day on, newest first (the public results page). */
  badOf: (db: Executor, departmentId: string, since: string, limit: number) =>
    db
      .selectFrom('ratings')
      .select(['id', 'ratedOn', 'score', 'appealState'])
      .where('departmentId', '=', departmentId)
      .where('bad', '=', 1)
      .where('ratedOn', '>=', since)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),

  /**
   * The visible ratings whose appeal waits for review (复核), as the list's `appealState=appealed`
   * finds them; driven by the appeals still undecided (a short table), each rating read by its key.
   */
  appealsAwaitingReview: (db: Executor, v: RatingVisibility) =>
    db
      .selectFrom('ratings')
      .select(['id', 'rectificationId', 'createdAt'])
      .where((eb) =>
        eb.and([
          visible(eb, v),
          eb('ratings.appealState', '=', 'appealed'),
          eb(
            'ratings.id',
            'in',
            eb.selectFrom('ratingAppeals').select('ratingAppeals.ratingId').where('ratingAppeals.decision', 'is', null),
          ),
        ]),
      )
      .execute(),
  byIds: (db: Executor, ids: string[]) =>
    ids.length === 0 ? Promise.resolve([] as RatingRow[]) : db.selectFrom('ratings').selectAll().where('id', 'in', ids).execute(),

  insertAppeal: (db: Executor, row: RatingAppealRow) => db.insertInto('ratingAppeals').values(row).execute(),
  decideAppeal: (db: Executor, ratingId: string, patch: Partial<RatingAppealRow>) =>
    db.updateTable('ratingAppeals').set(patch).where('ratingId', '=', ratingId).execute(),
  async appealsOf(db: Executor, ratingIds: string[]): Promise<Map<string, RatingAppealRow>> {
    if (ratingIds.length === 0) return new Map();
    const rows = await db.selectFrom('ratingAppeals').selectAll().where('ratingId', 'in', ratingIds).execute();
    return new Map(rows.map((r) => [r.ratingId, r]));
  },

  pageOfDepartment: (db: Executor, departmentId: string) =>
    db.selectFrom('departmentRatingPages').selectAll().where('departmentId', '=', departmentId).executeTakeFirst(),
  pageByCode: (db: Executor, code: string) =>
    db.selectFrom('departmentRatingPages').selectAll().where('code', '=', code).executeTakeFirst(),
  async insertPage(db: Executor, row: { departmentId: string; code: string; issuedAt: string }): Promise<boolean> {
    const r = await db
      .insertInto('departmentRatingPages')
      .values(row)
      .onConflict((oc) => oc.column('departmentId').doNothing())
      .returning('code')
      .executeTakeFirst();
    return r !== undefined;
  },
};
