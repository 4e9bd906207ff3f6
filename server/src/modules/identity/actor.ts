import type { DataScope, Permission } from '@qinlian/contracts';
import type { Actor, ResolvedScope } from '../../platform/context.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { authorizationEpoch } from '../../platform/auth/authorization-epoch.ts';
import { singleFlight } from '../../platform/db/single-flight.ts';
import { departmentSubtreeIds } from '../org/index.ts';
import { personBasics } from '../org/index.ts';
import { identityRepo, type RoleRow, type UserRow } from './identity.repo.ts';

const BREADTH: DataScope[] = ['self', 'dept', 'custom', 'dept_and_below', 'all'];

/** The account columns an actor is built from. */
export type ActorAccount = Pick<UserRow, 'id' | 'username' | 'displayName' | 'personId'>;

/** The union of the roles' data scopes (数据权限), resolved to department ids. */
async function resolveScope(db: Executor, roles: RoleRow[], departmentId: string | null, personId: string | null): Promise<ResolvedScope> {
  const kinds = roles.map((r) => r.dataScope as DataScope);
  const kind = kinds.reduce<DataScope>((a, b) => (BREADTH.indexOf(b) > BREADTH.indexOf(a) ? b : a), 'self');
  if (kinds.includes('all')) return { kind, all: true, departmentIds: [], selfPersonId: personId };
  const ids = new Set<string>();
  if (departmentId && kinds.includes('dept')) ids.add(departmentId);
  if (departmentId && kinds.includes('dept_and_below')) for (const id of await departmentSubtreeIds(db, [departmentId])) ids.add(id);
  for (const r of roles.filter((x) => x.dataScope === 'custom'))
    for (const id of JSON.parse(r.customDepartmentIds) as string[]) ids.add(id);
  return { kind, all: false, departmentIds: [...ids], selfPersonId: personId };
}

export async function actorForUser(db: Executor, user: ActorAccount, via: Actor['via']): Promise<Actor> {
  const roles = await identityRepo.rolesOfUser(db, user.id);
  const person = user.personId ? await personBasics(db, user.personId) : undefined;
  const permissions = new Set(roles.flatMap((r) => JSON.parse(r.permissions) as Permission[]));
  const departmentId = person?.departmentId ?? null;
  return {
    userId: user.id,
    username: user.username,
    name: person?.name ?? user.displayName,
    personId: user.personId,
    departmentId,
    permissions,
    scope: await resolveScope(db, roles, departmentId, user.personId),
    via,
  };
}

/**
 * For other modules: the actors of the enabled accounts bound to these people, one per account —
 * so that a notice goes only to someone whose account may open (or act on) what it is about.
 */
export async function actorsOfPeople(db: Executor, personIds: string[]): Promise<Actor[]> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return [];
  const users = (await identityRepo.usersByPeople(db, unique)).filter((u) => !u.disabled);
  return Promise.all(
    users.map((u) => actorForUser(db, { id: u.id, username: u.username, displayName: u.username, personId: u.personId }, 'session')),
  );
}

/**
 * How long a cached actor serves before it is rebuilt. Writes through this process invalidate it
 * at once (the authorization epoch); the time limit bounds how long a change committed by another
 * app instance on the same PostgreSQL goes unseen here.
 */
export const ACTOR_TTL_MS = 10_000;
/** One entry per recently active account; the oldest goes first. */
const ACTOR_CACHE_SIZE = 10_000;

type CachedActor = { actor: Actor; account: string; epoch: number; builtAt: number };
type ActorCache = { entries: Map<string, CachedActor>; load: ReturnType<typeof singleFlight<string, CachedActor>> };
const actorCaches = new WeakMap<Db, ActorCache>();

/** The account columns the actor copies: a change to any of them is a different actor. */
const accountKey = (a: ActorAccount) => JSON.stringify([a.username, a.displayName, a.personId]);

const isFresh = (hit: CachedActor, account: string, now: number) =>
  hit.epoch === authorizationEpoch() && now - hit.builtAt < ACTOR_TTL_MS && hit.account === account;

function cacheOf(db: Db): ActorCache {
  let cache = actorCaches.get(db);
  if (!cache) actorCaches.set(db, (cache = { entries: new Map(), load: singleFlight() }));
  return cache;
}

async function buildEntry(db: Db, account: ActorAccount, via: Actor['via'], epoch: number, now: number): Promise<CachedActor> {
  const actor = await actorForUser(db, account, via);
  // shared by the requests the entry serves: no request may change another's scope
  Object.freeze(actor.scope.departmentIds);
  Object.freeze(actor.scope);
  return { actor, account: accountKey(account), epoch, builtAt: now };
}

/**
 * The actor of an account that has just passed its session or token check (that check, and the
 * account's `disabled` flag, are read on every request and never cached). Roles, permissions,
 * person and resolved data scope are cached per account — 4 to 6 statements saved per request —
 * and the requests that find it missing or expired together build it once.
 */
export async function cachedActorForUser(db: Db, account: ActorAccount, via: Actor['via'], now: number): Promise<Actor> {
  const { entries, load } = cacheOf(db);
  const key = accountKey(account);
  const hit = entries.get(account.id);
  if (hit && isFresh(hit, key, now)) return { ...hit.actor, via };
  const epoch = authorizationEpoch(); // read before building: a change committed meanwhile makes this entry stale
  const entry = await load(account.id, `${epoch}|${key}`, () => buildEntry(db, account, via, epoch, now));
  if (entries.get(account.id) !== entry) {
    entries.delete(account.id);
    entries.set(account.id, entry);
    if (entries.size > ACTOR_CACHE_SIZE) entries.delete(entries.keys().next().value!);
  }
  return { ...entry.actor, via };
}
