import { describe, expect, it } from 'vitest';
import { actorOf, ORG } from '../../../test/actors.ts';
import { enquiryAbilities, enquiryPolicy, type EnquiryAccess, type PendingHandover } from './enquiries.policy.ts';

/** An open enquiry of department A owned by person-owner, nobody else in its chain unless told. */
const inA = (over: Partial<EnquiryAccess> = {}): EnquiryAccess => ({
  departmentId: ORG.A,
  ownerPersonId: 'person-owner',
  actingForPersonId: null,
  status: 'open',
  participantIds: ['person-owner'],
  pending: null,
  ownerLeft: false,
  actingForBack: false,
  ...over,
});
const handing = (to: PendingHandover['to']): EnquiryAccess =>
  inA({ status: 'handing_over', pending: { id: 'h1', fromPersonId: 'person-owner', to } });

const ACTORS = {
  owner: actorOf({ permissions: ['enquiries.handle'], scope: 'dept', departmentId: ORG.A, personId: 'person-owner' }),
  'colleague in A': actorOf({ permissions: ['enquiries.handle'], scope: 'dept', departmentId: ORG.A, personId: 'person-a' }),
  'head of A': actorOf({
    permissions: ['enquiries.handle', 'enquiries.read'],
    scope: 'dept_and_below',
    departmentId: ORG.A,
    personId: 'person-head',
  }),
  'staff of A1': actorOf({ permissions: ['enquiries.handle'], scope: 'dept', departmentId: ORG.A1, personId: 'person-a1' }),
  'staff of B': actorOf({ permissions: ['enquiries.handle'], scope: 'dept', departmentId: ORG.B, personId: 'person-b' }),
  leader: actorOf({ permissions: ['enquiries.read'], scope: 'all', departmentId: ORG.ROOT, personId: 'person-leader' }),
  'tasks only': actorOf({ permissions: ['tasks.read', 'tasks.handle'], scope: 'all', departmentId: ORG.ROOT, personId: 'person-x' }),
} as const;
type Who = keyof typeof ACTORS;

describe('who sees an enquiry (首问) and who may act on it', () => {
  it.each<[Who, boolean, boolean]>([
    // who, sees, may reply (the owner only)
    ['owner', true, true],
    ['colleague in A', true, false],
    ['head of A', true, false],
    ['staff of A1', false, false], // a sub-unit does not see its parent's
    ['staff of B', false, false],
    ['leader', true, false],
    ['tasks only', false, false], // no enquiry right at all
  ])('%s: sees %s, replies %s', (who, sees, replies) => {
    expect(enquiryPolicy.canSee(ACTORS[who], inA())).toBe(sees);
    expect(enquiryPolicy.allowed(ACTORS[who], 'reply', inA())).toBe(replies);
  });

  it('lets the receiver of a pending hand-over see and accept it, in any unit; never the one who offered it', () => {
    const toB = handing({ kind: 'department', departmentId: ORG.B });
    expect(enquiryPolicy.canSee(ACTORS['staff of B'], toB)).toBe(true);
    expect(enquiryAbilities(ACTORS['staff of B'], toB)).toMatchObject({ accept: true, decline: true, cancel: false });
    expect(enquiryAbilities(ACTORS.owner, toB)).toMatchObject({ accept: false, cancel: true, reply: false, handOver: false });
    const toPost = handing({ kind: 'post', actingPersonId: 'person-b' });
    expect(enquiryAbilities(ACTORS['staff of B'], toPost).accept).toBe(true);
    expect(enquiryAbilities(ACTORS['colleague in A'], toPost).accept).toBe(false);
    expect(() => enquiryPolicy.assert(ACTORS['staff of B'], 'accept', handing({ kind: 'person', personId: 'person-a' }))).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => enquiryPolicy.assert(ACTORS['colleague in A'], 'accept', toB)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('lets a supervisor hand it on only when the owner has left; lets A take back only once back', () => {
    expect(enquiryAbilities(ACTORS['head of A'], inA()).handOver).toBe(false);
    expect(enquiryAbilities(ACTORS['head of A'], inA({ ownerLeft: true })).handOver).toBe(true);
    expect(enquiryAbilities(ACTORS['colleague in A'], inA({ ownerLeft: true })).handOver).toBe(false); // no enquiries.read
    const heldForA = inA({ ownerPersonId: 'person-b', actingForPersonId: 'person-a' });
    expect(enquiryAbilities(ACTORS['colleague in A'], heldForA).takeBack).toBe(false);
    expect(enquiryAbilities(ACTORS['colleague in A'], { ...heldForA, actingForBack: true }).takeBack).toBe(true);
    expect(enquiryAbilities(ACTORS['colleague in A'], { ...heldForA, actingForBack: true, status: 'replied' }).takeBack).toBe(false);
  });

  it('offers close only once replied, and nothing once closed', () => {
    expect(enquiryAbilities(ACTORS.owner, inA()).close).toBe(false);
    expect(enquiryAbilities(ACTORS.owner, inA({ status: 'replied' }))).toMatchObject({ close: true, reply: false, handOver: false });
    expect(Object.values(enquiryAbilities(ACTORS.owner, inA({ status: 'closed' }))).some(Boolean)).toBe(false);
  });
});
