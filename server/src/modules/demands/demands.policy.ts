import type { DemandAbilities } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { definePolicy, has, inDepartmentScope } from '../../platform/policy/policy.ts';
import type { DemandRow } from './demands.repo.ts';

export type DemandAccess = Pick<DemandRow, 'departmentId' | 'status' | 'mergedIntoId' | 'hiddenAt' | 'sentBackCount'>;

/**
 * Who sees an item: the office's desk (demands.dispatch) sees every item, as does anyone whose data
 * scope is everything; a department sees what was dispatched to it (its data scope). Out of sight → 404.
 */
export const seeDemand = (actor: Actor, d: DemandAccess) =>
  has(actor, 'demands.dispatch') || actor.scope.all || (d.departmentId !== null && inDepartmentScope(actor, d.departmentId));

/** The department the item is with now, as the actor's own: the unit that takes, sends back and replies. */
const handlesIt = (a: Actor, d: DemandAccess) => d.departmentId !== null && inDepartmentScope(a, d.departmentId);

/**
 * read: demands.read in sight · dispatch (受理, 派单改派, 不予受理, 并单, 办结, 回访, 督办): the office ·
 * handle (签收, 退单, 答复): the department it was dispatched to · moderate (隐藏): moderators.
 */
export const demandPolicy = definePolicy<DemandAccess, 'read' | 'dispatch' | 'handle' | 'moderate'>(seeDemand, {
  read: { permission: 'demands.read' },
  dispatch: { permission: 'demands.dispatch' },
  handle: { permission: 'demands.handle', when: handlesIt },
  moderate: { permission: 'demands.moderate' },
});

/** The states each step starts from; any other answers 409 demand_wrong_status. */
export const STEP_FROM = {
  accept: ['received'],
  dispatch: ['received', 'accepted'],
  reject: ['received', 'accepted'],
  take: ['dispatched'],
  sendBack: ['dispatched', 'handling'],
  reply: ['handling'],
  close: ['replied'],
  revisit: ['closed'],
  merge: ['received', 'accepted', 'dispatched', 'handling'],
  urge: ['dispatched', 'handling'],
} as const;
export type DemandStep = keyof typeof STEP_FROM;

export const stepAllowedFrom = (step: DemandStep, status: string) => (STEP_FROM[step] as readonly string[]).includes(status);

/** Whose step it is: the office's, or the department's it was dispatched to. */
export const STEP_RULE: Record<DemandStep, 'dispatch' | 'handle'> = {
  accept: 'dispatch',
  dispatch: 'dispatch',
  reject: 'dispatch',
  take: 'handle',
  sendBack: 'handle',
  reply: 'handle',
  close: 'dispatch',
  revisit: 'dispatch',
  merge: 'dispatch',
  urge: 'dispatch',
};

/** May the actor take this step on this item now (its state, its merge, who they are)? */
export function mayStep(actor: Actor, step: DemandStep, d: DemandAccess): boolean {
  if (d.mergedIntoId !== null) return false; // a merged item follows the one it joined
  if (step === 'sendBack' && d.sentBackCount > 0) return false; // 退单 once; then the office decides
  return stepAllowedFrom(step, d.status) && demandPolicy.allowed(actor, STEP_RULE[step], d);
}

/** Sent with every item: the buttons the console shows. */
export function demandAbilities(actor: Actor, d: DemandAccess): DemandAbilities {
  return {
    accept: mayStep(actor, 'accept', d),
    dispatch: mayStep(actor, 'dispatch', d),
    reject: mayStep(actor, 'reject', d),
    take: mayStep(actor, 'take', d),
    sendBack: mayStep(actor, 'sendBack', d),
    reply: mayStep(actor, 'reply', d),
    close: mayStep(actor, 'close', d),
    merge: mayStep(actor, 'merge', d),
    hide: d.hiddenAt === null && demandPolicy.allowed(actor, 'moderate', d),
    revealContact: mayRevealContact(actor, d),
    urge: mayStep(actor, 'urge', d),
  };
}

/** The contact in full: the office's clerks, and the department handling it while it is with them. */
export function mayRevealContact(actor: Actor, d: DemandAccess): boolean {
  if (demandPolicy.allowed(actor, 'dispatch', d)) return true;
  return ['dispatched', 'handling', 'replied'].includes(d.status) && demandPolicy.allowed(actor, 'handle', d);
}
