import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';

/** Who may accept a hand-over (接收): resolved against the organisation as it stands now. */
export type HandoverReceiver =
  | { kind: 'person'; personId: string }
  /** a post: its acting holder now — A, or B while A is away (AB岗) */
  | { kind: 'post'; actingPersonId: string | null }
  | { kind: 'department'; departmentId: string };

export type PendingHandover = { id: string; fromPersonId: string; to: HandoverReceiver };

/** What the rules need to know of an enquiry. */
export type EnquiryAccess = {
  departmentId: string;
  ownerPersonId: string;
  actingForPersonId: string | null;
  status: string;
  /** the registrar and everyone in the chain (handed it on, was handed it, decided, was acted for) */
  participantIds: readonly string[];
  /** the hand-over in question: the pending one, or the one a decision names */
  pending: PendingHandover | null;
  /** the owner has left: whoever supervises the unit may hand it on for them */
  ownerLeft: boolean;
  /** A, for whom B holds it, is at work again */
  actingForBack: boolean;
};

const me = (a: Actor, personId: string | null) => a.personId !== null && a.personId === personId;

export const mayUseEnquiries = (a: Actor) => a.permissions.has('enquiries.read') || a.permissions.has('enquiries.handle');

/**
 * The receiver of a hand-over: the person named; for a post, its acting holder now (B when A is
 * away); for a department, anyone of that department on the enquiry desk (enquiries.handle) — its
 * head or a staff member. Never the one who offered it.
 */
export function receives(a: Actor, p: PendingHandover | null): boolean {
  if (!p || a.personId === null || a.personId === p.fromPersonId) return false;
  if (p.to.kind === 'person') return p.to.personId === a.personId;
  if (p.to.kind === 'post') return p.to.actingPersonId === a.personId;
  return a.departmentId === p.to.departmentId;
}

/**
 * Who sees an enquiry: holders of enquiries.read or enquiries.handle whose data scope covers its
 * unit (leaders, 纪检监察 and the office: all; a head: the department; staff: their own), and — in any
 * unit — its owner, the one it is held for, everyone in its chain and whoever may accept its
 * pending hand-over. Out of sight answers 404.
 */
export const seeEnquiry = (a: Actor, e: EnquiryAccess) =>
  mayUseEnquiries(a) &&
  (inDepartmentScope(a, e.departmentId) ||
    me(a, e.ownerPersonId) ||
    me(a, e.actingForPersonId) ||
    (a.personId !== null && e.participantIds.includes(a.personId)) ||
    receives(a, e.pending));

/**
 * The actions, by who (the status is checked by the service, which answers 400/409 saying why):
 * the owner hands over, replies and closes; when the owner has left, a supervisor of the unit
 * (enquiries.read over it as well) hands it on; the receiver accepts or declines; the one who
 * offered it cancels; A, back at work, takes back what B held for them.
 */
export const enquiryPolicy = definePolicy<EnquiryAccess, 'handOver' | 'reply' | 'close' | 'accept' | 'decline' | 'cancel' | 'takeBack'>(
  seeEnquiry,
  {
    handOver: {
      permission: 'enquiries.handle',
      when: (a, e) =>
        me(a, e.ownerPersonId) || (e.ownerLeft && a.permissions.has('enquiries.read') && inDepartmentScope(a, e.departmentId)),
    },
    reply: { permission: 'enquiries.handle', when: (a, e) => me(a, e.ownerPersonId) },
    close: { permission: 'enquiries.handle', when: (a, e) => me(a, e.ownerPersonId) },
    accept: { permission: 'enquiries.handle', when: (a, e) => receives(a, e.pending) },
    decline: { permission: 'enquiries.handle', when: (a, e) => receives(a, e.pending) },
    cancel: { permission: 'enquiries.handle', when: (a, e) => me(a, e.pending?.fromPersonId ?? null) },
    takeBack: { permission: 'enquiries.handle', when: (a, e) => e.actingForBack && me(a, e.actingForPersonId) },
  },
);

/** Sent with every enquiry: what this actor may do with it now. */
export function enquiryAbilities(a: Actor, e: EnquiryAccess) {
  const can = (action: Parameters<typeof enquiryPolicy.allowed>[1]) => enquiryPolicy.allowed(a, action, e);
  const handingOver = e.status === 'handing_over' && e.pending !== null;
  return {
    handOver: e.status === 'open' && can('handOver'),
    reply: e.status === 'open' && can('reply'),
    close: e.status === 'replied' && can('close'),
    accept: handingOver && can('accept'),
    decline: handingOver && can('decline'),
    cancel: handingOver && can('cancel'),
    takeBack: e.status === 'open' && can('takeBack'),
  };
}
