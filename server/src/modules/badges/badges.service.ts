import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { inDepartmentScope } from '../../platform/policy/policy.ts';
import { newTrackingCode, requireTrackingCode } from '../../platform/public/tracking-code.ts';
import { departmentsBasics, dutyHolders, type DutyHolder } from '../org/index.ts';
import { departmentRatingSummary, ratingPageCode, ratingSummaries } from '../ratings/index.ts';
import { badgesRepo, type BadgeRow } from './badges.repo.ts';
import { badgePolicy } from './badges.policy.ts';

/**
 * 亮牌上岗: every person's badge, reached by an unguessable code. A badge is issued the first time
 * it is asked for — for everyone holding a post when their department's badge wall is opened, for
 * anyone else when their own badge is — and reissuing replaces the code, so the old one stops
 * answering at once (a lost or misused printout).
 */

export type BadgeView = { holder: DutyHolder; badge: BadgeRow | null };

const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

async function issue(tx: TxCtx, holder: DutyHolder): Promise<BadgeRow> {
  const now = iso(tx.clock.now());
  const row: BadgeRow = { personId: holder.id, code: newTrackingCode(), duties: null, issuedAt: now, revokedAt: null, updatedAt: now };
  if (!(await badgesRepo.insertOnce(tx.db, row))) return (await badgesRepo.byPerson(tx.db, holder.id))!;
  await recordAudit(tx, { action: 'badge.issue', entityType: 'badge', entityId: holder.id, after: row });
  return row;
}

/** Issue the badges these people lack (those who left get none), in one transaction. */
async function issueMissing(ctx: Ctx, holders: DutyHolder[], badges: Map<string, BadgeRow>) {
  const missing = holders.filter((h) => !badges.has(h.id) && h.status !== 'left');
  if (missing.length === 0) return badges;
  await inTransaction(ctx, async (tx) => {
    for (const h of missing) badges.set(h.id, await issue(tx, h));
  });
  return badges;
}

async function holderOf(ctx: Ctx, personId: string): Promise<DutyHolder> {
  const [holder] = await dutyHolders(ctx.db, { personIds: [personId] });
  if (!holder) throw notFound();
  badgePolicy.assertVisible(ctx.actor!, { personId: holder.id, departmentId: holder.departmentId });
  return holder;
}

const access = (h: DutyHolder) => ({ personId: h.id, departmentId: h.departmentId });

/** 亮牌墙: the people of a department (not those who left), with badges issued for all who hold a post. */
export async function badgeWall(ctx: Ctx, departmentId: string) {
  const dept = (await departmentsBasics(ctx.db, [departmentId])).get(departmentId);
  if (!dept || !inDepartmentScope(ctx.actor!, departmentId)) throw notFound();
  const holders = await dutyHolders(ctx.db, { departmentId });
  const badges = await badgesRepo.byPeople(
    ctx.db,
    holders.map((h) => h.id),
  );
  await issueMissing(
    ctx,
    holders.filter((h) => h.posts.length > 0),
    badges,
  );
  const pageCode = await ratingPageCode(ctx, departmentId); // may issue it: a write, so not beside the reads
  const [ratings, rating] = await Promise.all([
    ratingSummaries(
      ctx.db,
      holders.map((h) => h.id),
      today(ctx),
    ),
    departmentRatingSummary(ctx.db, departmentId, today(ctx)),
  ]);
  const views: BadgeView[] = holders.map((holder) => ({ holder, badge: badges.get(holder.id) ?? null }));
  return { department: dept, views, ratings, pageCode, rating };
}

/** One person's badge, issued on this first ask unless they have left. */
export async function personBadge(ctx: Ctx, personId: string): Promise<BadgeView> {
  const holder = await holderOf(ctx, personId);
  const badges = await issueMissing(ctx, [holder], await badgesRepo.byPeople(ctx.db, [holder.id]));
  return { holder, badge: badges.get(holder.id) ?? null };
}

function refuseLeft(holder: DutyHolder) {
  if (holder.status === 'left') throw new DomainError('badge_person_left', 409, { name: holder.name });
}

/** The duties the badge shows (亮牌职责): the person's own words, or null/blank for their post's. */
export async function setBadgeDuties(ctx: Ctx, personId: string, duties: string | null): Promise<BadgeView> {
  const holder = await holderOf(ctx, personId);
  badgePolicy.assert(ctx.actor!, 'edit', access(holder));
  refuseLeft(holder);
  return inTransaction(ctx, async (tx) => {
    const before = (await badgesRepo.byPerson(tx.db, holder.id)) ?? (await issue(tx, holder));
    const patch = { duties: duties?.trim() ? duties : null, updatedAt: iso(tx.clock.now()) };
    await badgesRepo.update(tx.db, holder.id, patch);
    await recordAudit(tx, {
      action: 'badge.duties',
      entityType: 'badge',
      entityId: holder.id,
      before: { duties: before.duties },
      after: patch,
    });
    return { holder, badge: { ...before, ...patch } };
  });
}

/** 重新发放: a new code, live at once; the old one answers 404 like any unknown code. Also lifts a revocation. */
export async function reissueBadge(ctx: Ctx, personId: string): Promise<BadgeView> {
  const holder = await holderOf(ctx, personId);
  badgePolicy.assert(ctx.actor!, 'reissue', access(holder));
  refuseLeft(holder);
  return inTransaction(ctx, async (tx) => {
    const before = await badgesRepo.byPerson(tx.db, holder.id);
    if (!before) return { holder, badge: await issue(tx, holder) };
    const now = iso(tx.clock.now());
    const patch = { code: newTrackingCode(), issuedAt: now, revokedAt: null, updatedAt: now };
    await badgesRepo.update(tx.db, holder.id, patch);
    await recordAudit(tx, { action: 'badge.reissue', entityType: 'badge', entityId: holder.id, before, after: { ...before, ...patch } });
    return { holder, badge: { ...before, ...patch } };
  });
}

/** 收回: the badge stops answering until it is reissued (with a new code). */
export async function revokeBadge(ctx: Ctx, personId: string): Promise<BadgeView> {
  const holder = await holderOf(ctx, personId);
  badgePolicy.assert(ctx.actor!, 'revoke', access(holder));
  return inTransaction(ctx, async (tx) => {
    const before = await badgesRepo.byPerson(tx.db, holder.id);
    if (!before || before.revokedAt) return { holder, badge: before ?? null };
    const now = iso(tx.clock.now());
    const patch = { revokedAt: now, updatedAt: now };
    await badgesRepo.update(tx.db, holder.id, patch);
    await recordAudit(tx, { action: 'badge.revoke', entityType: 'badge', entityId: holder.id, before, after: { ...before, ...patch } });
    return { holder, badge: { ...before, ...patch } };
  });
}

/**
 * The holder of a live badge by its public code: 400 for a mistyped code (before any lookup), and the
 * same 404 for an unknown, replaced or withdrawn code and for a person who has left.
 */
export async function liveBadge(ctx: Ctx, rawCode: string): Promise<{ holder: DutyHolder; badge: BadgeRow }> {
  const code = requireTrackingCode(rawCode, ctx.lang, 'params.code');
  const badge = await badgesRepo.byCode(ctx.db, code);
  if (!badge || badge.revokedAt) throw notFound();
  const [holder] = await dutyHolders(ctx.db, { personIds: [badge.personId] });
  if (!holder || holder.status === 'left') throw notFound();
  return { holder, badge };
}
