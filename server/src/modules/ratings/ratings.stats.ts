import type { z } from 'zod';
import {
  detailMessage,
  RectificationStatus,
  type PublicDepartmentRatings,
  type RatingFigures,
  type RatingStats,
  type RatingStatsQuery,
  type RatingSummary,
} from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { inDepartmentScope } from '../../platform/policy/policy.ts';
import { newTrackingCode, requireTrackingCode } from '../../platform/public/tracking-code.ts';
import { cachedDepartmentsBasics, peopleBasics } from '../org/index.ts';
import { rectificationsBySource } from '../rectification/index.ts';
import { ratingsRepo, type FigureSums } from './ratings.repo.ts';
import { visibilityOf } from './ratings.service.ts';
import { lastTwelveMonths, MAX_STATS_MONTHS, monthsBetween } from './rating-period.ts';

/** Statistics (好差评统计) and summaries: what the console's charts, the badges and the public pages show. */

const num = (v: unknown) => Number(v ?? 0);
const average = (n: number, sum: number) => (n > 0 ? Math.round((sum / n) * 100) / 100 : null);

function figuresOf(r: FigureSums | undefined): RatingFigures {
  const n = num(r?.n);
  return {
    count: n,
    average: average(n, num(r?.scoreSum)),
    distribution: [num(r?.s1), num(r?.s2), num(r?.s3), num(r?.s4), num(r?.s5)],
    bad: num(r?.badCount),
    appeals: { appealed: num(r?.appealed), upheld: num(r?.upheld), rejected: num(r?.rejected) },
  };
}

function addUp(rows: FigureSums[]): FigureSums {
  const keys = ['n', 'scoreSum', 's1', 's2', 's3', 's4', 's5', 'badCount', 'appealed', 'upheld', 'rejected'] as const;
  return Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + num(r[k]), 0)])) as FigureSums;
}

/** The most people one answer lists (the busiest first); `peopleTruncated` says when there were more. */
const PEOPLE_CAP = 500;

/** 好差评统计: per department, per person and per month over a period (the last 12 months unless given), in the actor's scope. */
export async function ratingStats(ctx: Ctx, q: z.output<typeof RatingStatsQuery>): Promise<RatingStats> {
  const today = shanghaiDate(ctx.clock.now());
  const from = q.from ?? lastTwelveMonths(today).from;
  const to = q.to ?? today;
  if (to < from) throw invalid([{ path: 'query.to', message: detailMessage('date_before_start', ctx.lang, { start: from }) }]);
  const months = monthsBetween(from, to);
  if (months.length > MAX_STATS_MONTHS)
    throw invalid([{ path: 'query.from', message: detailMessage('rating_period_too_long', ctx.lang, { max: MAX_STATS_MONTHS }) }]);
  if (q.departmentId && !inDepartmentScope(ctx.actor!, q.departmentId)) throw notFound();
  const sums = await ratingsRepo.figures(ctx.db, visibilityOf(ctx), { departmentId: q.departmentId, from, to });
  const byCount = [...sums.people].sort((a, b) => num(b.n) - num(a.n) || a.personId.localeCompare(b.personId)).slice(0, PEOPLE_CAP);
  const [departments, people] = await Promise.all([
    cachedDepartmentsBasics(
      ctx.db,
      sums.departments.map((d) => d.departmentId),
    ),
    peopleBasics(
      ctx.db,
      byCount.map((p) => p.personId),
    ),
  ]);
  const byMonth = new Map(sums.months.map((m) => [m.month, m]));
  return {
    from,
    to,
    total: figuresOf(addUp(sums.departments)),
    departments: sums.departments
      .map((d) => ({ departmentId: d.departmentId, departmentName: departments.get(d.departmentId)?.name ?? '', ...figuresOf(d) }))
      .sort((a, b) => b.count - a.count || a.departmentName.localeCompare(b.departmentName)),
    people: byCount.map((p) => ({
      personId: p.personId,
      personName: people.get(p.personId)?.name ?? '',
      departmentId: p.departmentId,
      ...figuresOf(p),
    })),
    peopleTruncated: sums.people.length > byCount.length,
    months: months.map((month) => {
      const f = figuresOf(byMonth.get(month));
      return { month, count: f.count, average: f.average, bad: f.bad };
    }),
  };
}

/** Count and average of the ratings that count over the last 12 months, per person (people never rated: 0, null). */
export async function ratingSummaries(db: Executor, personIds: string[], today: string): Promise<Map<string, RatingSummary>> {
  const rows = await ratingsRepo.summaries(db, 'personId', personIds, lastTwelveMonths(today).from);
  const found = new Map(rows.map((r) => [r.key, { count: num(r.n), average: average(num(r.n), num(r.scoreSum)) }]));
  return new Map(personIds.map((id) => [id, found.get(id) ?? { count: 0, average: null }]));
}

/** The same for a whole department. */
export async function departmentRatingSummary(db: Executor, departmentId: string, today: string): Promise<RatingSummary> {
  const [r] = await ratingsRepo.summaries(db, 'departmentId', [departmentId], lastTwelveMonths(today).from);
  return { count: num(r?.n), average: average(num(r?.n), num(r?.scoreSum)) };
}

/**
 * The public code of a department's ratings page (评价结果公示), issued the first time anyone asks —
 * the badge wall, a badge page — and kept: printed QR codes and links stay good.
 */
export async function ratingPageCode(ctx: Ctx, departmentId: string): Promise<string> {
  const existing = await ratingsRepo.pageOfDepartment(ctx.db, departmentId);
  if (existing) return existing.code;
  return inTransaction(ctx, async (tx) => {
    const row = { departmentId, code: newTrackingCode(), issuedAt: iso(tx.clock.now()) };
    if (!(await ratingsRepo.insertPage(tx.db, row))) return (await ratingsRepo.pageOfDepartment(tx.db, departmentId))!.code;
    await recordAudit(tx, { action: 'rating_page.issue', entityType: 'department', entityId: departmentId, after: row });
    return row.code;
  });
}

const BAD_REVIEWS_SHOWN = 100;

/** 评价结果公示: a department's figures over the last 12 months and how each bad review was handled — no names, no comments. */
export async function publicDepartmentRatings(ctx: Ctx, rawCode: string): Promise<PublicDepartmentRatings> {
  const code = requireTrackingCode(rawCode, ctx.lang, 'params.code');
  const page = await ratingsRepo.pageByCode(ctx.db, code);
  if (!page) throw notFound();
  const today = shanghaiDate(ctx.clock.now());
  const { from, to } = lastTwelveMonths(today);
  const v = { all: true } as const;
  const [sums, bad, departments] = await Promise.all([
    ratingsRepo.figures(ctx.db, v, { departmentId: page.departmentId, from, to }),
    ratingsRepo.badOf(ctx.db, page.departmentId, from, BAD_REVIEWS_SHOWN),
    cachedDepartmentsBasics(ctx.db, [page.departmentId]),
  ]);
  const items = await rectificationsBySource(
    ctx.db,
    'bad_review',
    bad.map((b) => b.id),
  );
  const f = figuresOf(addUp(sums.departments));
  return {
    departmentName: departments.get(page.departmentId)?.name ?? '',
    from,
    to,
    summary: { count: f.count, average: f.average },
    distribution: f.distribution,
    badReviews: bad.map((b) => {
      const item = items.get(b.id);
      const status = RectificationStatus.safeParse(item?.status);
      return {
        ratedOn: b.ratedOn,
        score: b.score,
        rectificationStatus: status.success ? status.data : null,
        dueOn: item?.dueOn ?? null,
        appealState: b.appealState as PublicDepartmentRatings['badReviews'][number]['appealState'],
      };
    }),
  };
}
