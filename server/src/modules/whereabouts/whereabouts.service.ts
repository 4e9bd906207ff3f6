import { detailMessage, isAwayState, type WhereaboutsSetBody, type WhereaboutsSource, type WhereaboutsState } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { DomainError, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { publishAfterCommit } from '../../platform/live/hub.ts';
import { peopleBasics, postsHeldBy, setPresence, type PersonBasics, type PostWithHolder } from '../org/index.ts';
import { whereaboutsRepo, type WhereaboutsRow } from './whereabouts.repo.ts';
import { whereaboutsPolicy } from './whereabouts.policy.ts';
import { flagUncoveredPosts } from './whereabouts-notices.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

/** The live channel of a department's door board and overview. */
export const doorBoardChannel = (departmentId: string) => `door-board:${departmentId}`;

/** A change of state as the rules take it, whoever asks for it. */
export type WhereaboutsChange = {
  state: WhereaboutsState;
  place: string | null;
  expectedReturnAt: string | null;
  note: string | null;
  source: WhereaboutsSource;
  plannedAbsenceId: string | null;
};

/** Who acts for someone away: the B holder of one of their A posts who is at work (AB岗), else nobody. */
export type Acting = { personId: string; name: string } | null;
export function actingFor(personId: string, posts: PostWithHolder[], present: (id: string) => boolean): Acting {
  for (const p of posts) {
    if (p.aPersonId === personId && p.bPersonId && present(p.bPersonId)) return { personId: p.bPersonId, name: p.bPersonName ?? '' };
  }
  return null;
}

/**
 * Set a person's whereabouts, in the caller's transaction: the state now and a history line, the
 * audit record, and their presence in org (在岗 ⇄ 外出: who acts for their posts follows). After commit
 * the door board hears of it. When the change takes them away and leaves one of their posts with
 * nobody at work, the department head is told at once. `expectedVersion` (0: never set) guards a
 * concurrent edit.
 */
export async function applyWhereabouts(
  tx: TxCtx,
  person: Pick<PersonBasics, 'id' | 'departmentId'>,
  change: WhereaboutsChange,
  expectedVersion?: number,
): Promise<WhereaboutsRow> {
  const before = await whereaboutsRepo.byPerson(tx.db, person.id);
  const version = before?.version ?? 0;
  if (expectedVersion !== undefined && expectedVersion !== version) throw versionConflict();
  const actor = tx.actor;
  const byPerson = change.source !== 'planned' && actor && actor.via !== 'system';
  const now = iso(tx.clock.now());
  const fields = {
    state: change.state,
    place: change.place,
    expectedReturnAt: change.state === 'in_office' ? null : change.expectedReturnAt,
    note: change.note,
    setByPersonId: byPerson ? actor.personId : null,
    setByName: byPerson ? actor.name : null,
    setAt: now,
    source: change.source,
    plannedAbsenceId: change.plannedAbsenceId,
  };
  const row: WhereaboutsRow = { personId: person.id, ...fields, version: version + 1 };
  const written = before ? await whereaboutsRepo.update(tx.db, person.id, version, fields) : await whereaboutsRepo.insert(tx.db, row);
  if (!written) throw versionConflict();
  const changeId = newId();
  const { setAt, ...history } = fields;
  await whereaboutsRepo.appendHistory(tx.db, { id: changeId, personId: person.id, ...history, at: setAt });
  await recordAudit(tx, { action: 'whereabouts.set', entityType: 'whereabouts', entityId: person.id, before: before ?? null, after: row });
  const away = isAwayState(change.state);
  const { changed } = await setPresence(tx, person.id, !away);
  if (changed && away) await flagUncoveredPosts(tx, person.id, changeId);
  publishAfterCommit(tx.db, doorBoardChannel(person.departmentId), 'whereabouts.changed', { personId: person.id });
  return row;
}

/** A person the actor may see (404 otherwise), with their department and status. */
export async function visiblePerson(ctx: Ctx, personId: string): Promise<PersonBasics> {
  const person = (await peopleBasics(ctx.db, [personId])).get(personId);
  if (!person) throw notFound();
  whereaboutsPolicy.assertVisible(actorOf(ctx), { personId, departmentId: person.departmentId });
  return person;
}

export const personLeft = (person: Pick<PersonBasics, 'name'>) => new DomainError('whereabouts_person_left', 409, { name: person.name });

/** The signed-in person's own id, or 409 for an account bound to nobody. */
export function myPersonId(ctx: Ctx): string {
  const id = actorOf(ctx).personId;
  if (!id) throw new DomainError('whereabouts_needs_person', 409);
  return id;
}

/** PUT /whereabouts/people/:personId — by the person, or by the head/office over their department. */
export async function setWhereabouts(ctx: Ctx, personId: string, body: WhereaboutsSetBody): Promise<WhereaboutsRow> {
  return inTransaction(ctx, async (tx) => {
    const actor = actorOf(tx);
    const person = await visiblePerson(tx, personId);
    whereaboutsPolicy.assert(actor, 'set', { personId, departmentId: person.departmentId });
    if (person.status === 'left') throw personLeft(person);
    const expectedReturnAt = body.expectedReturnAt ? iso(new Date(body.expectedReturnAt)) : null;
    if (expectedReturnAt && body.state !== 'in_office' && expectedReturnAt <= iso(tx.clock.now()))
      throw invalid([{ path: 'body.expectedReturnAt', message: detailMessage('return_in_past', tx.lang) }]);
    const change: WhereaboutsChange = {
      state: body.state,
      place: body.place || null,
      expectedReturnAt,
      note: body.note || null,
      source: actor.personId === personId ? 'self' : 'head',
      plannedAbsenceId: null,
    };
    return applyWhereabouts(tx, person, change, body.version);
  });
}

/** One person's whereabouts now: the row (none: in the office) and who acts for them while away. */
export type PersonWhereaboutsView = { person: PersonBasics; row: WhereaboutsRow | null; acting: Acting };

/** Views for people already read: two queries (their posts, and the B holders' presence) whatever their number. */
export async function whereaboutsViews(ctx: Pick<Ctx, 'db'>, people: PersonBasics[]): Promise<PersonWhereaboutsView[]> {
  const rows = await whereaboutsRepo.byPeople(
    ctx.db,
    people.map((p) => p.id),
  );
  const away = people.filter((p) => p.status === 'away').map((p) => p.id);
  const posts = away.length ? await postsHeldBy(ctx.db, away) : [];
  const backups = await peopleBasics(
    ctx.db,
    posts.map((p) => p.bPersonId),
  );
  const present = (id: string) => backups.get(id)?.status === 'active';
  return people.map((person) => ({
    person,
    row: rows.get(person.id) ?? null,
    acting: person.status === 'away' ? actingFor(person.id, posts, present) : null,
  }));
}

export async function personWhereabouts(ctx: Ctx, personId: string): Promise<PersonWhereaboutsView> {
  const person = await visiblePerson(ctx, personId);
  whereaboutsPolicy.assert(actorOf(ctx), 'read', { personId, departmentId: person.departmentId });
  return (await whereaboutsViews(ctx, [person]))[0]!;
}

/** GET /whereabouts/people/:personId/history — the person, the head of their department, the office. */
export async function whereaboutsHistory(ctx: Ctx, personId: string, page: { page: number; pageSize: number }) {
  const person = await visiblePerson(ctx, personId);
  whereaboutsPolicy.assert(actorOf(ctx), 'history', { personId, departmentId: person.departmentId });
  return whereaboutsRepo.historyPage(ctx.db, personId, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
}

/**
 * A state recorded without asking anyone (the demo seed, a migration of old data): the same writes
 * as any change, by the caller's actor, in the caller's transaction.
 */
export async function recordWhereabouts(
  ctx: Ctx,
  personId: string,
  change: Pick<WhereaboutsChange, 'state'> & Partial<Pick<WhereaboutsChange, 'place' | 'expectedReturnAt' | 'note'>>,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const person = (await peopleBasics(tx.db, [personId])).get(personId);
    if (!person) throw notFound();
    await applyWhereabouts(tx, person, {
      place: null,
      expectedReturnAt: null,
      note: null,
      ...change,
      source: 'head',
      plannedAbsenceId: null,
    });
  });
}
