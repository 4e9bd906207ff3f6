import type { z } from 'zod';
import {
  BulletinDraftBody as DraftSchema,
  BulletinEditBody as EditSchema,
  BulletinQuery,
  quarterSpan,
  type BulletinDraftBody,
  type BulletinEditBody,
  type BulletinIndicator,
  type BulletinRankingRow,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { chineseNumeral } from '../../platform/documents/official/index.ts';
import { planById, type PlanRow } from '../plan/index.ts';
import { checkIndicators } from './bulletin-indicators.ts';
import { rankDepartments } from './bulletin-ranking.rules.ts';
import { settingsOf } from './bulletin-settings.service.ts';
import { figuresOf, takeSnapshot, type Snapshot } from './bulletin-snapshot.ts';
import { bulletinPolicy, visibleStatuses } from './bulletins.policy.ts';
import { bulletinsRepo, type BulletinRow } from './bulletins.repo.ts';

/*
 * 一季一通报: a plan's quarter, drafted once the quarter has ended, from a snapshot of the tasks'
 * figures. One bulletin per plan and quarter (the unique index settles a race of two drafts). The
 * snapshot is taken outside the writing transaction — a million tasks are read without holding the
 * database's one writer — and changes only by an explicit, audited recompute of a draft.
 */

/** 关于2026年第一季度勤廉新区建设行动推进情况的通报 — a plan named for its year (2026年…行动) does not say the year twice. */
export const bulletinTitle = (planName: string, year: number, quarter: number) =>
  `关于${year}年第${chineseNumeral(quarter)}季度${planName.replace(new RegExp(`^${year}年度?`), '')}推进情况的通报`.slice(0, 200);

/** Bulletins the actor may see (drafts only for the office), newest quarter first. */
export function listBulletins(ctx: Ctx, q: z.output<typeof BulletinQuery>) {
  const filter = { planId: q.planId, status: q.status, year: q.year, statuses: visibleStatuses(ctx.actor!) };
  return bulletinsRepo.page(ctx.db, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/** A bulletin or 404 (not there, or a draft out of the actor's sight). */
export async function loadBulletin(ctx: Ctx, id: string): Promise<BulletinRow> {
  const row = await bulletinsRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  bulletinPolicy.assertVisible(ctx.actor!, row);
  return row;
}

/**
 * May the actor change this bulletin now: 404 out of sight, 403 without bulletins.manage, 409 once
 * published (不可再改), out of the status a step `needs`, or when someone saved it meanwhile.
 */
export function assertChangeable(ctx: Ctx, row: BulletinRow, version: number, needs?: 'draft' | 'review'): void {
  bulletinPolicy.assert(ctx.actor!, 'manage', row);
  if (row.status === 'published') throw new DomainError('bulletin_published', 409, { number: row.number ?? '' });
  if (needs === 'draft' && row.status !== 'draft') throw new DomainError('bulletin_not_draft', 409);
  if (needs === 'review' && row.status !== 'review') throw new DomainError('bulletin_not_in_review', 409);
  if (row.version !== version) throw versionConflict();
}

/** The bulletin to change, read in the writing transaction (assertChangeable's answers). */
export async function bulletinToChange(tx: TxCtx, id: string, version: number, needs?: 'draft' | 'review'): Promise<BulletinRow> {
  const row = await loadBulletin(tx, id);
  assertChangeable(tx, row, version, needs);
  return row;
}

/** Move the bulletin's version on with its other changes; the caller has checked the version. */
export async function touchBulletin(tx: TxCtx, row: BulletinRow, patch: Partial<BulletinRow> = {}): Promise<BulletinRow> {
  const next = { ...patch, updatedAt: iso(tx.clock.now()) };
  if (!(await bulletinsRepo.update(tx.db, row.id, row.version, next))) throw versionConflict();
  return { ...row, ...next, version: row.version + 1 };
}

/** The audit record's view of a ranking: who came first and last, and how many were ranked. */
export const rankingDigest = (ranking: BulletinRankingRow[]) => ({
  departments: ranking.length,
  best: ranking.find((r) => r.best)?.departmentId ?? null,
  worst: ranking.find((r) => r.worst)?.departmentId ?? null,
});

/** The quarter must have ended (409 naming its last day) and overlap the plan (400). */
function assertQuarter(ctx: Ctx, plan: PlanRow, year: number, quarter: number): { start: string; end: string } {
  const { start, end } = quarterSpan(year, quarter);
  if (shanghaiDate(ctx.clock.now()) <= end) throw new DomainError('bulletin_quarter_not_ended', 409, { year, quarter, end });
  if (end < plan.startDate || start > plan.endDate) {
    const params = { year, quarter, start, end, plan: plan.name, planStart: plan.startDate, planEnd: plan.endDate };
    throw new DomainError('bulletin_quarter_outside_plan', 400, params, [
      { path: 'body.quarter', message: 'bulletin_quarter_outside_plan' },
    ]);
  }
  return { start, end };
}

const exists = (b: Pick<BulletinRow, 'year' | 'quarter' | 'title'>) =>
  new DomainError('bulletin_exists', 409, { year: b.year, quarter: b.quarter, title: b.title });

/** Write the draft and its audit record. */
async function insertDraft(tx: TxCtx, plan: PlanRow, q: { year: number; quarter: number; start: string; end: string }, snap: Snapshot) {
  const { indicators } = await settingsOf(tx.db, plan.id);
  const now = iso(tx.clock.now());
  const ranking = rankDepartments(snap.figures, indicators);
  const row: BulletinRow = {
    id: newId(),
    planId: plan.id,
    year: q.year,
    quarter: q.quarter,
    periodStart: q.start,
    periodEnd: q.end,
    title: bulletinTitle(plan.name, q.year, q.quarter),
    summary: '',
    requirements: '',
    status: 'draft',
    indicators: JSON.stringify(indicators),
    ranking: JSON.stringify(ranking),
    overdue: JSON.stringify(snap.overdue),
    computedAt: now,
    ...{ number: null, organ: null, organMark: null, recipients: null, publishedAt: null, publishedByName: null },
    ...{
      headSeq: null,
      headHash: null,
      headAlgorithm: null,
      headKeyId: null,
      headPublicKey: null,
      headSignature: null,
      headSignedAt: null,
    },
    draftedByName: tx.actor?.name ?? '系统',
    draftedAt: now,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await bulletinsRepo.insert(tx.db, row);
  const after = { planId: plan.id, year: q.year, quarter: q.quarter, title: row.title, indicators, ...rankingDigest(ranking) };
  await recordAudit(tx, { action: 'bulletin.draft', entityType: 'bulletin', entityId: row.id, after });
  return row;
}

/** 起草: the office drafts an ended quarter of a plan; a second draft of the quarter is a 409. */
export async function draftBulletin(ctx: Ctx, input: BulletinDraftBody): Promise<BulletinRow> {
  const body = DraftSchema.parse(input);
  bulletinPolicy.assert(ctx.actor!, 'manage', { status: 'draft' });
  const plan = await planById(ctx.db, body.planId);
  if (!plan) throw new DomainError('not_found', 404, {}, [{ path: 'body.planId', message: 'not_found' }]);
  const { start, end } = assertQuarter(ctx, plan, body.year, body.quarter);
  const existing = await bulletinsRepo.ofQuarter(ctx.db, plan.id, body.year, body.quarter);
  if (existing) throw exists(existing);
  const snap = await takeSnapshot(ctx.db, { planId: plan.id, periodStart: start, periodEnd: end });
  return inTransaction(ctx, async (tx) => {
    const raced = await bulletinsRepo.ofQuarter(tx.db, plan.id, body.year, body.quarter);
    if (raced) throw exists(raced);
    return insertDraft(tx, plan, { year: body.year, quarter: body.quarter, start, end }, snap);
  });
}

/** New weights for a draft: 400 unless each indicator is once, 群众评价 at 0 and they add up to 100. */
const weightsOf = (ctx: Ctx, indicators: BulletinIndicator[]) => checkIndicators(indicators, ctx.lang, 'body.indicators');

/**
 * 编辑: the title, the summary (总体情况) and the requirements (下一步工作要求), in draft or review;
 * new weights (drafts only: 409 in review) re-rank the stored figures — nothing is recomputed.
 */
export async function editBulletin(ctx: Ctx, id: string, input: BulletinEditBody): Promise<BulletinRow> {
  const body = EditSchema.parse(input);
  const indicators = body.indicators && weightsOf(ctx, body.indicators);
  return inTransaction(ctx, async (tx) => {
    const before = await loadBulletin(tx, id);
    const reweighs = !!indicators && JSON.stringify(indicators) !== before.indicators;
    assertChangeable(tx, before, body.version, reweighs ? 'draft' : undefined);
    const patch: Partial<BulletinRow> = { title: body.title, summary: body.summary, requirements: body.requirements };
    if (reweighs) {
      const ranking = rankDepartments(figuresOf(JSON.parse(before.ranking) as BulletinRankingRow[]), indicators);
      Object.assign(patch, { indicators: JSON.stringify(indicators), ranking: JSON.stringify(ranking) });
    }
    const after = await touchBulletin(tx, before, patch);
    await recordAudit(tx, {
      action: 'bulletin.edit',
      entityType: 'bulletin',
      entityId: id,
      before: {
        title: before.title,
        summary: before.summary,
        requirements: before.requirements,
        indicators: JSON.parse(before.indicators),
      },
      after: { ...patch, indicators: JSON.parse(after.indicators), ranking: undefined, version: after.version },
    });
    return after;
  });
}

/**
 * 重新计算: a draft's figures taken again from the tasks as they stand now, ranked under its weights;
 * explicit, audited with who came first and last before and after. Drafts only (409 in review).
 */
export async function recomputeBulletin(ctx: Ctx, id: string, version: number): Promise<BulletinRow> {
  const current = await loadBulletin(ctx, id);
  assertChangeable(ctx, current, version, 'draft'); // refused before a million tasks are read
  const snap = await takeSnapshot(ctx.db, current);
  return inTransaction(ctx, async (tx) => {
    const before = await bulletinToChange(tx, id, version, 'draft');
    const indicators = JSON.parse(before.indicators) as BulletinIndicator[];
    const ranking = rankDepartments(snap.figures, indicators);
    const after = await touchBulletin(tx, before, {
      ranking: JSON.stringify(ranking),
      overdue: JSON.stringify(snap.overdue),
      computedAt: iso(tx.clock.now()),
    });
    await recordAudit(tx, {
      action: 'bulletin.recompute',
      entityType: 'bulletin',
      entityId: id,
      before: { computedAt: before.computedAt, ...rankingDigest(JSON.parse(before.ranking) as BulletinRankingRow[]) },
      after: { computedAt: after.computedAt, version: after.version, ...rankingDigest(ranking) },
    });
    return after;
  });
}
