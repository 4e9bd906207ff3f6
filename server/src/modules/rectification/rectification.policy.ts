import type { RectificationAbilities } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';

/**
 * What the rules need to know of an item: its department, owner and state, and who heads its
 * department now (org's `departmentHeadPersonId`, resolved when the item is read).
 */
export type RectificationAccess = {
  departmentId: string;
  ownerPersonId: string | null;
  headPersonId: string | null;
  status: string;
  source: string;
  revisited: number;
};

/** Who sees an item (整改事项): whoever's data scope covers its department. Out of sight answers 404. */
export const seeRectification = (actor: Actor, r: RectificationAccess) => inDepartmentScope(actor, r.departmentId);

const isHead = (a: Actor, r: RectificationAccess) => a.personId !== null && a.personId === r.headPersonId;
const isOwner = (a: Actor, r: RectificationAccess) => a.personId !== null && a.personId === r.ownerPersonId;

/**
 * read: rectification.read in scope — the department, the office, leaders, 纪检监察;
 * assign: the department head (or, in a department without one, any of its handlers);
 * submit: the head or the assigned owner (anyone handling for the department while nobody owns it);
 * verify (办结, 退回, 回访): the office.
 */
export const rectificationPolicy = definePolicy<RectificationAccess, 'read' | 'assign' | 'submit' | 'verify'>(seeRectification, {
  read: { permission: 'rectification.read' },
  assign: { permission: 'rectification.handle', when: (a, r) => isHead(a, r) || r.headPersonId === null },
  submit: { permission: 'rectification.handle', when: (a, r) => isHead(a, r) || isOwner(a, r) || r.ownerPersonId === null },
  verify: { permission: 'rectification.verify' },
});

/** The states each step starts from; any other answers 409 rectification_state. */
export const STEP_FROM = {
  assign: ['open', 'returned'],
  submit: ['open', 'returned'],
  verify: ['submitted'],
  return: ['submitted'],
  // 回访 follows the department's answer: before 办结 (the usual 整改 → 回访 → 办结), or after it
  revisit: ['submitted', 'verified'],
} as const satisfies Record<keyof RectificationAbilities, readonly string[]>;

const at = (step: keyof RectificationAbilities, r: RectificationAccess) => (STEP_FROM[step] as readonly string[]).includes(r.status);

/** A bad review is revisited before it is verified (好差评: every bad review is revisited). */
export const needsRevisitFirst = (r: RectificationAccess) => (r.source === 'bad_review' || r.source === 'demand_review') && !r.revisited;

/** Sent with every item: the buttons the console shows. */
export function rectificationAbilities(actor: Actor, r: RectificationAccess): RectificationAbilities {
  const verifier = rectificationPolicy.allowed(actor, 'verify', r);
  return {
    assign: at('assign', r) && rectificationPolicy.allowed(actor, 'assign', r),
    submit: at('submit', r) && rectificationPolicy.allowed(actor, 'submit', r),
    verify: at('verify', r) && verifier && !needsRevisitFirst(r),
    return: at('return', r) && verifier,
    revisit: at('revisit', r) && verifier,
  };
}
