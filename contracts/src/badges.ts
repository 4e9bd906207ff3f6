import { z } from 'zod';
import { Id, Instant, prose } from './common.ts';
import { RatingSummary } from './ratings.ts';
import { WhereaboutsState } from './whereabouts.ts';

/**
 * 亮牌上岗制 (badge on duty): every person has a public badge page — photo, name, post, duties, backup
 * (AB岗), where they are now, how the public rates their service — reached by an unguessable short code
 * (a tracking code, platform/public/tracking-code.ts) and printed as a badge or desk card with a QR
 * code to it. Reissuing a badge replaces its code: the old code answers 404, exactly like an unknown one.
 */

export const BadgePersonParams = z.object({ personId: Id });
export const BadgeCodeParams = z.object({ code: z.string().max(64) });

/** A post the person holds, with the duties written on it (岗位职责) and the other holder of the pair. */
export const BadgePost = z.object({
  id: Id,
  name: z.string(),
  role: z.enum(['A', 'B']),
  duties: z.string(),
  /** A's B, or B's A (AB岗): who stands in */
  backupName: z.string().nullable(),
});
export type BadgePost = z.infer<typeof BadgePost>;

/** A badge in the console (the badge wall, a person's badge). */
export const Badge = z.object({
  personId: Id,
  name: z.string(),
  title: z.string().nullable(),
  departmentId: Id,
  departmentName: z.string(),
  /** the console's photo address (/api/people/:id/photo), or null */
  photoUrl: z.string().nullable(),
  posts: z.array(BadgePost),
  /** the person's own duties text (亮牌职责); null shows the duties of their first post */
  duties: z.string().nullable(),
  /** what the badge shows: `duties`, else the first post's */
  shownDuties: z.string().nullable(),
  /** null until issued (people without a post get theirs when first asked) */
  code: z.string().nullable(),
  /** grouped for reading out: 7KQ3-MZ8R-XH2W-5 */
  displayCode: z.string().nullable(),
  /** the public page: /p/b/<code> (the web's public base + b/<code>) */
  publicPath: z.string().nullable(),
  issuedAt: Instant.nullable(),
  revoked: z.boolean(),
  /** the last 12 months */
  rating: RatingSummary,
  abilities: z.object({ edit: z.boolean(), reissue: z.boolean(), revoke: z.boolean(), print: z.boolean() }),
});
export type Badge = z.infer<typeof Badge>;

/** GET /api/badges/departments/:id — the badge wall (亮牌墙) of one department: its people (not those who left). */
export const BadgeWall = z.object({
  departmentId: Id,
  departmentName: z.string(),
  /** the code of the department's public ratings page (/p/r/<code>, 评价结果公示) */
  ratingPageCode: z.string(),
  rating: RatingSummary,
  items: z.array(Badge),
});
export type BadgeWall = z.infer<typeof BadgeWall>;

/** PUT /api/badges/people/:personId — the duties shown on the badge (self, or badges.manage over the person); null or blank: the post's. */
export const BadgeDutiesBody = z.object({ duties: prose(0, 1000).nullable() });
export type BadgeDutiesBody = z.input<typeof BadgeDutiesBody>;

/**
 * GET /api/badges/people/:personId/print — a printable badge (工作牌, 54 × 86 mm) or desk card (桌牌, A4
 * landscape, folded in two) as PDF, with a QR code to the public page; or `format=png`: the QR code
 * alone (for pasting into other documents). 503 `print_font_missing` when the server has no Chinese font.
 */
export const BadgePrintQuery = z.object({
  format: z.enum(['pdf', 'png']).default('pdf'),
  layout: z.enum(['badge', 'desk-card']).default('badge'),
});
export type BadgePrintQuery = z.input<typeof BadgePrintQuery>;

/**
 * GET /api/public/badges/:code — the public badge page's one small answer: only what a visitor at the
 * desk would see (no phone, no history). 404 for an unknown, reissued or withdrawn code alike.
 */
export const PublicBadge = z.object({
  code: z.string(),
  displayCode: z.string(),
  name: z.string(),
  /** /api/public/badges/:code/photo, or null */
  photoUrl: z.string().nullable(),
  departmentName: z.string(),
  postName: z.string().nullable(),
  duties: z.string().nullable(),
  backupName: z.string().nullable(),
  whereabouts: z.object({ state: WhereaboutsState, expectedReturnAt: Instant.nullable() }),
  /** the last 12 months */
  rating: RatingSummary,
  /** the department's public ratings page (评价结果公示): /p/r/<code> */
  ratingPageCode: z.string(),
});
export type PublicBadge = z.infer<typeof PublicBadge>;
