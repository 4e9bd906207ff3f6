import type { Executor } from '../../platform/db/database.ts';
import { peopleBasics, postsWithHolders, type PersonBasics, type PostWithHolder } from '../org/index.ts';
import { enquiriesRepo, type EnquiryRow, type HandoverRow } from './enquiries.repo.ts';
import type { EnquiryAccess, HandoverReceiver, PendingHandover } from './enquiries.policy.ts';

/** An enquiry with its chain and what the rules need, read with the organisation as it stands now. */
export type EnquiryView = { row: EnquiryRow; chain: HandoverRow[]; access: EnquiryAccess };
/** Views of several enquiries, and the people and posts they name (the presenter shows them). */
export type EnquiryViews = { views: EnquiryView[]; people: Map<string, PersonBasics>; posts: Map<string, PostWithHolder> };

/** Who may accept this hand-over now: the person, the post's acting holder (B while A is away), or the department. */
export function receiverOf(h: HandoverRow, posts: Map<string, PostWithHolder>): HandoverReceiver {
  if (h.toPersonId) return { kind: 'person', personId: h.toPersonId };
  if (h.toPostId) return { kind: 'post', actingPersonId: posts.get(h.toPostId)?.actingPersonId ?? null };
  return { kind: 'department', departmentId: h.toDepartmentId! };
}

export const pendingOf = (h: HandoverRow, posts: Map<string, PostWithHolder>): PendingHandover => ({
  id: h.id,
  fromPersonId: h.fromPersonId,
  to: receiverOf(h, posts),
});

const chainPeople = (h: HandoverRow) => [h.fromPersonId, h.toPersonId, h.decidedByPersonId, h.actingForPersonId];

/** One query for the chains, one for the posts they name, one for the people. */
export async function enquiryViews(db: Executor, rows: EnquiryRow[]): Promise<EnquiryViews> {
  const handovers = await enquiriesRepo.handoversOf(
    db,
    rows.map((r) => r.id),
  );
  const posts = await postsWithHolders(
    db,
    handovers.map((h) => h.toPostId),
  );
  const people = await peopleBasics(db, [
    ...rows.flatMap((r) => [r.ownerPersonId, r.actingForPersonId, r.registeredByPersonId, r.repliedByPersonId]),
    ...handovers.flatMap(chainPeople),
    ...[...posts.values()].flatMap((p) => [p.aPersonId, p.bPersonId]),
  ]);
  const chains = new Map<string, HandoverRow[]>();
  for (const h of handovers) chains.set(h.enquiryId, [...(chains.get(h.enquiryId) ?? []), h]);
  const views = rows.map((row) => {
    const chain = chains.get(row.id) ?? [];
    const pending = chain.find((h) => h.status === 'pending');
    const participants = new Set<string>([row.registeredByPersonId]);
    for (const h of chain) for (const id of chainPeople(h)) if (id) participants.add(id);
    const access: EnquiryAccess = {
      departmentId: row.departmentId,
      ownerPersonId: row.ownerPersonId,
      actingForPersonId: row.actingForPersonId,
      status: row.status,
      participantIds: [...participants],
      pending: pending ? pendingOf(pending, posts) : null,
      ownerLeft: people.get(row.ownerPersonId)?.status === 'left',
      actingForBack: row.actingForPersonId !== null && people.get(row.actingForPersonId)?.status === 'active',
    };
    return { row, chain, access };
  });
  return { views, people, posts };
}

/** The view of one enquiry, or undefined when there is none. */
export async function enquiryView(db: Executor, id: string): Promise<(EnquiryViews & { view: EnquiryView }) | undefined> {
  const row = await enquiriesRepo.byId(db, id);
  if (!row) return undefined;
  const all = await enquiryViews(db, [row]);
  return { ...all, view: all.views[0]! };
}
