import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';

/** What the rules need to know of a rating. */
export type RatingAccess = { departmentId: string; personId: string; bad: number; appealState: string };

/** Who sees a rating: whoever's data scope covers the rated person's department, and the rated person under the "self" scope. */
export const seeRating = (actor: Actor, r: RatingAccess) =>
  inDepartmentScope(actor, r.departmentId) || (actor.scope.selfPersonId !== null && actor.scope.selfPersonId === r.personId);

/**
 * read: ratings.read; appeal (申诉): ratings.appeal over the department (the department's head, not
 * the rated person alone); decide (复核): ratings.review — the office. Which state allows which is the
 * service's 409, and the abilities below.
 */
export const ratingPolicy = definePolicy<RatingAccess, 'read' | 'appeal' | 'decide'>(seeRating, {
  read: { permission: 'ratings.read' },
  appeal: { permission: 'ratings.appeal', when: (a, r) => inDepartmentScope(a, r.departmentId) },
  decide: { permission: 'ratings.review' },
});

/** Sent with every rating: appeal a bad review not yet appealed; decide an appeal that waits. */
export const ratingAbilities = (actor: Actor, r: RatingAccess) => ({
  appeal: r.bad === 1 && r.appealState === 'none' && ratingPolicy.allowed(actor, 'appeal', r),
  decide: r.appealState === 'appealed' && ratingPolicy.allowed(actor, 'decide', r),
});
