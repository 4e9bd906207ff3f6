import type { Actor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { definePolicy } from '../../platform/policy/policy.ts';

/** An inbox item is its recipient's alone: anyone else gets "not found". */
export const inboxPolicy = {
  canSee: (actor: Actor, item: { personId: string }) => actor.personId !== null && actor.personId === item.personId,
  assertVisible(actor: Actor, item: { personId: string }) {
    if (!inboxPolicy.canSee(actor, item)) throw notFound();
  },
};

/** Channels and the delivery record: administrators with notifications.manage. */
export const channelPolicy = definePolicy<unknown, 'manage'>(() => true, { manage: { permission: 'notifications.manage' } });
