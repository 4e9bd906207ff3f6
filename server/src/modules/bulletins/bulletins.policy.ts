import type { BulletinAbilities } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { definePolicy, has } from '../../platform/policy/policy.ts';

/** What the rules need to know of a bulletin. */
export type BulletinAccess = { status: string };

/**
 * Who sees a quarterly bulletin (季度通报). It ranks every department of the area, so no data scope
 * applies: a published bulletin is for everyone who reads bulletins; a draft only for the office
 * (bulletins.manage), and one in review also for the leaders who comment on it (bulletins.comment).
 * Out of sight answers 404, so a department never learns its place before publication.
 *
 * read: bulletins.read; manage (draft, recompute, edit, submit, publish, settings): bulletins.manage;
 * comment (领导点评, in review): bulletins.comment.
 */
export const bulletinPolicy = definePolicy<BulletinAccess, 'read' | 'manage' | 'comment'>(
  (a, b) => b.status === 'published' || has(a, 'bulletins.manage') || (b.status === 'review' && has(a, 'bulletins.comment')),
  {
    read: { permission: 'bulletins.read' },
    // a published bulletin is refused by the service (409, bulletin_published), not by a 403
    manage: { permission: 'bulletins.manage' },
    comment: { permission: 'bulletins.comment', when: (_a, b) => b.status === 'review' },
  },
);

/** The statuses whose bulletins a list may show this actor. */
export const visibleStatuses = (a: Actor): string[] =>
  has(a, 'bulletins.manage') ? ['draft', 'review', 'published'] : has(a, 'bulletins.comment') ? ['review', 'published'] : ['published'];

/** Sent with every bulletin: which buttons the console enables, by its state. */
export function bulletinAbilities(actor: Actor, b: BulletinAccess): BulletinAbilities {
  const manage = bulletinPolicy.allowed(actor, 'manage', b) && b.status !== 'published';
  return {
    edit: manage,
    recompute: manage && b.status === 'draft',
    submit: manage && b.status === 'draft',
    returnToDraft: manage && b.status === 'review',
    comment: bulletinPolicy.allowed(actor, 'comment', b),
    publish: manage && b.status === 'review',
  };
}
