import type { Badge, PublicBadge, RatingSummary, WhereaboutsNow } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import type { DutyHolder } from '../org/index.ts';
import type { BadgeRow } from './badges.repo.ts';
import { badgePolicy } from './badges.policy.ts';
import type { BadgeView } from './badges.service.ts';

/** The public badge page under the web's public base (/p). */
export const publicBadgePath = (code: string) => `/p/b/${code}`;

/** The post a badge leads with: the first held as A, else the first held as B. */
export function leadPost(holder: DutyHolder) {
  return holder.posts.find((p) => p.role === 'A') ?? holder.posts[0] ?? null;
}

/** What the badge shows as duties: the person's own words, else their lead post's. */
export const shownDuties = (holder: DutyHolder, badge: BadgeRow | null) => badge?.duties ?? leadPost(holder)?.duties ?? null;

const NO_RATING: RatingSummary = { count: 0, average: null };

/** A badge in the console, with what the actor may do about it. */
export function presentBadge(actor: Actor, v: BadgeView, departmentName: string, rating: RatingSummary | undefined): Badge {
  const { holder, badge } = v;
  const access = { personId: holder.id, departmentId: holder.departmentId };
  const live = badge !== null && badge.revokedAt === null;
  const left = holder.status === 'left';
  return {
    personId: holder.id,
    name: holder.name,
    title: holder.title,
    departmentId: holder.departmentId,
    departmentName,
    photoUrl: holder.hasPhoto ? `/api/people/${holder.id}/photo` : null,
    posts: [...holder.posts].sort((a, b) => (a.role === b.role ? 0 : a.role === 'A' ? -1 : 1)),
    duties: badge?.duties ?? null,
    shownDuties: shownDuties(holder, badge),
    code: badge?.code ?? null,
    displayCode: badge ? formatTrackingCode(badge.code) : null,
    publicPath: badge ? publicBadgePath(badge.code) : null,
    issuedAt: badge?.issuedAt ?? null,
    revoked: badge?.revokedAt != null,
    rating: rating ?? NO_RATING,
    abilities: {
      edit: !left && badgePolicy.allowed(actor, 'edit', access),
      reissue: !left && badgePolicy.allowed(actor, 'reissue', access),
      revoke: live && badgePolicy.allowed(actor, 'revoke', access),
      print: live && !left && badgePolicy.allowed(actor, 'print', access),
    },
  };
}

/** The public badge page: only what a visitor at the desk would see — no phone, no history, no other people but the backup. */
export function presentPublicBadge(
  holder: DutyHolder,
  badge: BadgeRow,
  extra: { departmentName: string; whereabouts: WhereaboutsNow | undefined; rating: RatingSummary; ratingPageCode: string },
): PublicBadge {
  const post = leadPost(holder);
  return {
    code: badge.code,
    displayCode: formatTrackingCode(badge.code),
    name: holder.name,
    photoUrl: holder.hasPhoto ? `/api/public/badges/${badge.code}/photo` : null,
    departmentName: extra.departmentName,
    postName: post?.name ?? null,
    duties: shownDuties(holder, badge),
    backupName: post?.backupName ?? null,
    whereabouts: { state: extra.whereabouts?.state ?? 'in_office', expectedReturnAt: extra.whereabouts?.expectedReturnAt ?? null },
    rating: extra.rating,
    ratingPageCode: extra.ratingPageCode,
  };
}
