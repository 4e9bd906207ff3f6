import type { Actor } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { actorsOfPeople } from '../identity/index.ts';
import { departmentHeadPersonId, peopleBasics, presentPeopleOf } from '../org/index.ts';

/**
 * Who can receive a notice about something: a person at work whose enabled account passes the
 * caller's own policy (`may`: open it, or act on it). A person without an account, away, left or
 * without the right would get an inbox row nobody reads, or a link that answers 403 — so the
 * callers address stand-ins instead, and record what nobody could receive (platform notify).
 */
export type MayReceive = (actor: Actor) => boolean;

/**
 * Those of `personIds` who can receive it, in the order given. `atWork: false` keeps people who are
 * away (a leader told of an answer reads it on return); those who left never receive anything.
 */
export async function reachablePeople(
  db: Executor,
  personIds: (string | null | undefined)[],
  may: MayReceive,
  opts: { atWork?: boolean } = {},
): Promise<string[]> {
  const ids = [...new Set(personIds.filter((x): x is string => !!x))];
  if (ids.length === 0) return [];
  const [people, actors] = await Promise.all([peopleBasics(db, ids), actorsOfPeople(db, ids)]);
  const present = (status: string | undefined) => status === 'active' || (opts.atWork === false && status === 'away');
  return ids.filter((id) => present(people.get(id)?.status) && actors.some((a) => a.personId === id && may(a)));
}

/**
 * Who answers for a department when the person addressed cannot: its head (部门负责人,
 * org's `departmentHeadPersonId`) when the head can receive it; otherwise everyone at work in the
 * department whose account may act. Empty when the department has nobody of the kind.
 */
export async function departmentStandIns(db: Executor, departmentId: string, may: MayReceive): Promise<string[]> {
  const head = await departmentHeadPersonId(db, departmentId);
  if (head && (await reachablePeople(db, [head], may)).length) return [head];
  return reachablePeople(db, await presentPeopleOf(db, departmentId), may);
}
