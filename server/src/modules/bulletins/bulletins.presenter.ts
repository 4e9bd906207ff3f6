import type {
  Bulletin,
  BulletinIndicator,
  BulletinOverdueItem,
  BulletinRankingRow,
  BulletinSettings,
  BulletinStatus,
  BulletinSummary,
  SignedChainHead,
} from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { planById } from '../plan/index.ts';
import { UNAVAILABLE_INDICATORS } from './bulletin-indicators.ts';
import { mayRemoveComment } from './bulletin-comments.service.ts';
import { settingsOf, type BulletinSettingsValues } from './bulletin-settings.service.ts';
import { totalsOf } from './bulletin-snapshot.ts';
import type { BulletinForDocument } from './bulletin.document.ts';
import { bulletinAbilities, bulletinPolicy } from './bulletins.policy.ts';
import { bulletinsRepo, type BulletinRow, type BulletinSummaryRow } from './bulletins.repo.ts';

const rankingOf = (r: Pick<BulletinRow, 'ranking'>) => JSON.parse(r.ranking) as BulletinRankingRow[];

/** The signed head as published (null before). */
function headOf(r: BulletinRow): SignedChainHead | null {
  if (r.headSeq === null) return null;
  return {
    seq: r.headSeq,
    hash: r.headHash!,
    algorithm: r.headAlgorithm!,
    keyId: r.headKeyId!,
    publicKey: r.headPublicKey!,
    signature: r.headSignature!,
    signedAt: r.headSignedAt!,
  };
}

/** A whole bulletin: the snapshot, the comments, the signed head once published, abilities. */
export async function presentBulletin(ctx: Ctx, r: BulletinRow): Promise<Bulletin> {
  const [plan, comments] = await Promise.all([planById(ctx.db, r.planId), bulletinsRepo.commentsOf(ctx.db, r.id)]);
  const ranking = rankingOf(r);
  const overdue = JSON.parse(r.overdue) as BulletinOverdueItem[];
  const totals = totalsOf(ranking);
  return {
    id: r.id,
    planId: r.planId,
    planName: plan?.name ?? '',
    year: r.year,
    quarter: r.quarter,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    title: r.title,
    summary: r.summary,
    requirements: r.requirements,
    status: r.status as BulletinStatus,
    indicators: JSON.parse(r.indicators) as BulletinIndicator[],
    ranking,
    totals,
    overdue,
    overdueOmitted: Math.max(0, totals.overdue - overdue.length),
    comments: comments.map((c) => ({
      id: c.id,
      authorName: c.authorName,
      authorTitle: c.authorTitle,
      text: c.text,
      createdAt: c.createdAt,
      removable: mayRemoveComment(ctx.actor!, r, c),
    })),
    computedAt: r.computedAt,
    number: r.number,
    publishedAt: r.publishedAt,
    publishedByName: r.publishedByName,
    signedHead: headOf(r),
    draftedByName: r.draftedByName,
    draftedAt: r.draftedAt,
    version: r.version,
    abilities: bulletinAbilities(ctx.actor!, r),
  };
}

/** The list's rows, the best and worst named from their snapshots (one read for the page). */
export async function presentBulletinSummaries(ctx: Ctx, rows: BulletinSummaryRow[]): Promise<BulletinSummary[]> {
  const rankings = new Map(
    (
      await bulletinsRepo.rankingsOf(
        ctx.db,
        rows.map((r) => r.id),
      )
    ).map((r) => [r.id, rankingOf(r)]),
  );
  return rows.map((r) => {
    const ranking = rankings.get(r.id) ?? [];
    return {
      ...r,
      status: r.status as BulletinStatus,
      departmentCount: ranking.length,
      bestName: ranking.find((x) => x.best)?.departmentName ?? null,
      worstName: ranking.find((x) => x.worst)?.departmentName ?? null,
    };
  });
}

export function presentSettings(ctx: Ctx, s: BulletinSettingsValues): BulletinSettings {
  return { ...s, unavailable: [...UNAVAILABLE_INDICATORS], canManage: bulletinPolicy.allowed(ctx.actor!, 'manage', { status: 'draft' }) };
}

/**
 * What the document prints: once published, the organ, recipients and date as they went out; before,
 * the plan's current settings and today (a draft's preview carries no number and no 记录核验).
 */
export async function documentOf(ctx: Ctx, row: BulletinRow, verifyUrl: string): Promise<BulletinForDocument> {
  const b = await presentBulletin(ctx, row);
  const printed: Pick<BulletinSettingsValues, 'organ' | 'organMark' | 'recipients'> = row.organ
    ? { organ: row.organ, organMark: row.organMark ?? '', recipients: JSON.parse(row.recipients ?? '[]') as string[] }
    : await settingsOf(ctx.db, row.planId);
  return {
    ...b,
    organ: printed.organ,
    organMark: printed.organMark,
    recipients: printed.recipients,
    date: shanghaiDate(b.publishedAt ? new Date(b.publishedAt) : ctx.clock.now()),
    head: b.signedHead,
    verifyUrl,
  };
}
