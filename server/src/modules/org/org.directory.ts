import type { PersonStatus } from '@qinlian/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { departmentsRepo } from './departments.repo.ts';
import { basicsOf, type DepartmentBasics } from './departments.cache.ts';
import { peopleRepo } from './people.repo.ts';
import { postsRepo, type PostRow } from './posts.repo.ts';
import { actingHolder } from './posts.presenter.ts';
import { directoryEpoch } from './directory-epoch.ts';

/**
 * The organisation as other modules read it (tasks, inspections …): names, who acts for a post,
 * who heads a department. No data scope here — the calling module decides who may see its own
 * records and only shows what those records reference. Read-only; every write stays in the
 * org services.
 */

/** Moves on after every committed change to departments, posts or people made through this instance. */
export const orgDirectoryVersion = directoryEpoch.current;

export type PersonBasics = { id: string; name: string; departmentId: string; status: PersonStatus; title: string | null };
/** A post with the person acting for it now (AB岗: A, or B when A is away or has left). */
export type PostWithHolder = {
  id: string;
  name: string;
  departmentId: string;
  archived: boolean;
  aPersonId: string | null;
  bPersonId: string | null;
  aPersonName: string | null;
  bPersonName: string | null;
  actingPersonId: string | null;
  actingPersonName: string | null;
  /** 代A岗: the A holder the acting B stands in for while A is away (null when A acts, or A has left or is unset) */
  actingForPersonId: string | null;
  actingForName: string | null;
};

export async function peopleBasics(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, PersonBasics>> {
  const rows = await peopleRepo.basicsByIds(
    db,
    ids.filter((x): x is string => !!x),
  );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, departmentId: r.departmentId, status: r.status as PersonStatus, title: r.title }]),
  );
}

export { cachedDepartmentsBasics, type DepartmentBasics } from './departments.cache.ts';

/** Departments by id as they stand now (checking input); pages that only show names use cachedDepartmentsBasics. */
export async function departmentsBasics(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, DepartmentBasics>> {
  const rows = await departmentsRepo.byIds(db, [...new Set(ids.filter((x): x is string => !!x))]);
  return new Map(rows.map((r) => [r.id, basicsOf(r)]));
}

/** The organisation's one root department (the area's committees), undefined before it is made. */
export async function rootDepartmentBasics(db: Executor): Promise<DepartmentBasics | undefined> {
  const root = await departmentsRepo.root(db);
  return root ? basicsOf(root) : undefined;
}

type HeldPost = Pick<PostRow, 'id' | 'name' | 'departmentId' | 'archivedAt' | 'aPersonId' | 'bPersonId'>;

function withHolder(r: HeldPost, people: Map<string, PersonBasics>): PostWithHolder {
  const a = r.aPersonId ? (people.get(r.aPersonId) ?? null) : null;
  const b = r.bPersonId ? (people.get(r.bPersonId) ?? null) : null;
  const acting = actingHolder({ a, b });
  const actingFor = a && acting && acting !== a.id && a.status === 'away' ? a : null;
  return {
    id: r.id,
    name: r.name,
    departmentId: r.departmentId,
    archived: r.archivedAt !== null,
    aPersonId: r.aPersonId,
    bPersonId: r.bPersonId,
    aPersonName: a?.name ?? null,
    bPersonName: b?.name ?? null,
    actingPersonId: acting,
    actingPersonName: acting ? (people.get(acting)?.name ?? null) : null,
    actingForPersonId: actingFor?.id ?? null,
    actingForName: actingFor?.name ?? null,
  };
}

async function withHolders(db: Executor, rows: PostRow[]): Promise<PostWithHolder[]> {
  const people = await peopleBasics(
    db,
    rows.flatMap((r) => [r.aPersonId, r.bPersonId]),
  );
  return rows.map((r) => withHolder(r, people));
}

/**
 * Posts by id with their acting holders, and other people by id besides (a task page: handlers
 * and leaders), in two queries.
 */
export async function postsAndPeople(db: Executor, postIds: (string | null | undefined)[], personIds: (string | null | undefined)[]) {
  const unique = [...new Set(postIds.filter((x): x is string => !!x))];
  const rows = unique.length
    ? await db
        .selectFrom('posts')
        .select(['id', 'name', 'departmentId', 'archivedAt', 'aPersonId', 'bPersonId'])
        .where('id', 'in', unique)
        .execute()
    : [];
  const people = await peopleBasics(db, [...personIds, ...rows.flatMap((r) => [r.aPersonId, r.bPersonId])]);
  return { posts: new Map(rows.map((r) => [r.id, withHolder(r, people)])), people };
}

/** Posts by id with their acting holders, in two queries. */
export async function postsWithHolders(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, PostWithHolder>> {
  return (await postsAndPeople(db, ids, [])).posts;
}

/** Live posts of these departments with their acting holders (imports resolve posts by name). */
export async function livePostsOf(db: Executor, departmentIds: string[]): Promise<PostWithHolder[]> {
  if (departmentIds.length === 0) return [];
  return withHolders(db, await postsRepo.list(db, { departmentIds }));
}

/** Live posts any of these people hold, as A or B, with their acting holders (去向牌: whose posts change hands). */
export async function postsHeldBy(db: Executor, personIds: string[]): Promise<PostWithHolder[]> {
  return withHolders(db, await postsRepo.heldBy(db, personIds));
}

/** A member of a department as its door board shows them; `photoFile` names the stored photo (its version). */
export type DepartmentMember = PersonBasics & { photoFile: string | null };

/** The people of one department who have not left, oldest entry first (the head is usually registered first). */
export async function membersOf(db: Executor, departmentId: string): Promise<DepartmentMember[]> {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'name', 'departmentId', 'status', 'title', 'photoFile'])
    .where('departmentId', '=', departmentId)
    .where('status', '!=', 'left')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, status: r.status as PersonStatus }));
}

/** The posts this person acts for now: held as A while present, or as B while A is away, has left or is unset. */
export async function postIdsActedBy(db: Executor, personId: string): Promise<string[]> {
  const held = await postsRepo.heldWithAStatus(db, personId);
  const acting = (p: (typeof held)[number]) =>
    actingHolder({
      a: p.aPersonId && p.aStatus ? { id: p.aPersonId, status: p.aStatus } : null,
      b: p.bPersonId ? { id: p.bPersonId } : null,
    });
  return held.filter((p) => acting(p) === personId).map((p) => p.id);
}

/** The people of one department who are at work now (not away, not left), oldest entry first: who may stand in for an absent holder. */
export async function presentPeopleOf(db: Executor, departmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('departmentId', '=', departmentId)
    .where('status', '=', 'active')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** People by exact name, with their department names (for imports that name a leader). */
export async function peopleNamed(db: Executor, names: string[]) {
  const unique = [...new Set(names.filter(Boolean))];
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .innerJoin('departments', 'departments.id', 'people.departmentId')
    .select(['people.id', 'people.name', 'people.departmentId', 'people.status', 'departments.name as departmentName'])
    .where('people.name', 'in', unique)
    .execute();
  return rows;
}

/** Post names and titles that mark the head of a unit, most senior first. */
const HEAD_TITLES = ['负责人', '党工委书记', '书记', '局长', '部长', '主任', '董事长', '科长', '总经理'];
const rank = (title: string | null): number => {
  if (!title) return Infinity;
  const head = HEAD_TITLES.indexOf(title);
  if (head >= 0) return head;
  const deputy = title.startsWith('副') ? HEAD_TITLES.indexOf(title.slice(1)) : -1;
  return deputy >= 0 ? HEAD_TITLES.length + deputy : Infinity;
};

/**
 * The person who heads a department now (部门负责人), for escalation:
 * 1. the acting holder of a live post of the department named like a head (负责人/局长/主任/部长/书记…
 *    exactly, e.g. a post "局长" or "主要负责人" containing 负责人);
 * 2. otherwise the present person of the department whose title is a head title (局长, 主任, 部长,
 *    书记, 党工委书记, 董事长, 科长, 总经理), most senior first;
 * 3. otherwise a present deputy (副局长 …) — someone who acts while the head is away.
 */
export async function departmentHeadPersonId(db: Executor, departmentId: string): Promise<string | null> {
  const posts = await livePostsOf(db, [departmentId]);
  const headPost = posts
    .filter((p) => p.actingPersonId && (p.name.includes('负责人') || rank(p.name) < HEAD_TITLES.length))
    .sort((a, b) => rank(a.name) - rank(b.name))[0];
  if (headPost) return headPost.actingPersonId;
  const people = await db
    .selectFrom('people')
    .select(['id', 'title', 'status', 'createdAt'])
    .where('departmentId', '=', departmentId)
    .where('status', '=', 'active')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const ranked = people
    .map((p) => ({ id: p.id, r: rank(p.title) }))
    .filter((p) => Number.isFinite(p.r))
    .sort((a, b) => a.r - b.r);
  return ranked[0]?.id ?? null;
}
