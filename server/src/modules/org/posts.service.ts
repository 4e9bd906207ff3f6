import type { z } from 'zod';
import { PostCreateBody as CreateSchema, type PostCreateBody, type PostQuery, type PostUpdateBody } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, duplicate, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { iso } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { departmentsRepo } from './departments.repo.ts';
import { usableDepartment } from './departments.service.ts';
import { peopleRepo, type PersonRow } from './people.repo.ts';
import { postsRepo, type PostRow } from './posts.repo.ts';
import { personPolicy, postPolicy } from './org.policy.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

/** A post with the names and statuses the presenter needs. */
export type PostView = {
  row: PostRow;
  departmentName: string;
  a: Pick<PersonRow, 'id' | 'name' | 'status'> | null;
  b: Pick<PersonRow, 'id' | 'name' | 'status'> | null;
};

/** Live posts in the actor's scope, optionally of one department. */
export function listPosts(ctx: Ctx, q: z.output<typeof PostQuery>) {
  const { scope } = actorOf(ctx);
  return postsRepo.list(ctx.db, { departmentIds: scope.all ? null : scope.departmentIds, departmentId: q.departmentId });
}

export async function getPost(ctx: Ctx, id: string): Promise<PostRow> {
  const row = await postsRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  postPolicy.assertVisible(actorOf(ctx), row);
  return row;
}

export async function postViews(db: Executor, rows: PostRow[]): Promise<PostView[]> {
  const holderIds = rows.flatMap((r) => [r.aPersonId, r.bPersonId]).filter((x): x is string => x !== null);
  const [departments, people] = await Promise.all([
    departmentsRepo.byIds(db, [...new Set(rows.map((r) => r.departmentId))]),
    peopleRepo.byIds(db, holderIds),
  ]);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const person = new Map(people.map((p) => [p.id, p]));
  const holder = (id: string | null) => (id ? (person.get(id) ?? null) : null);
  return rows.map((row) => ({
    row,
    departmentName: deptName.get(row.departmentId) ?? '',
    a: holder(row.aPersonId),
    b: holder(row.bPersonId),
  }));
}

/** AB岗 rules: A and B are different people, both in the post's department (and visible to the actor). */
async function assertHolders(ctx: Ctx, departmentId: string, holders: { aPersonId: string | null; bPersonId: string | null }) {
  const { aPersonId, bPersonId } = holders;
  if (aPersonId && bPersonId && aPersonId === bPersonId) {
    throw new DomainError('same_ab_holder', 400, {}, [{ path: 'body.bPersonId', message: 'same_ab_holder' }]);
  }
  const people = await peopleRepo.byIds(
    ctx.db,
    [aPersonId, bPersonId].filter((x): x is string => x !== null),
  );
  for (const [field, id] of [
    ['body.aPersonId', aPersonId],
    ['body.bPersonId', bPersonId],
  ] as const) {
    if (!id) continue;
    const p = people.find((x) => x.id === id);
    if (!p || !personPolicy.canSee(actorOf(ctx), p)) throw new DomainError('not_found', 404, {}, [{ path: field, message: 'not_found' }]);
    if (p.departmentId !== departmentId)
      throw new DomainError('person_not_in_department', 409, { name: p.name }, [{ path: field, message: 'person_not_in_department' }]);
  }
}

export async function createPost(ctx: Ctx, input: PostCreateBody): Promise<PostRow> {
  const body = CreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const dept = await usableDepartment(tx, body.departmentId, 'body.departmentId');
    postPolicy.assert(actorOf(tx), 'manage', { departmentId: dept.id });
    if (await postsRepo.liveByName(tx.db, dept.id, body.name)) throw duplicate('body.name', body.name);
    const holders = { aPersonId: body.aPersonId ?? null, bPersonId: body.bPersonId ?? null };
    await assertHolders(tx, dept.id, holders);
    const now = iso(tx.clock.now());
    const row: PostRow = {
      id: newId(),
      departmentId: dept.id,
      name: body.name,
      duties: body.duties,
      ...holders,
      archivedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await postsRepo.insert(tx.db, row);
    await recordAudit(tx, { action: 'post.create', entityType: 'post', entityId: row.id, after: row });
    return row;
  });
}

export async function updatePost(ctx: Ctx, id: string, patch: PostUpdateBody): Promise<PostRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await getPost(tx, id);
    postPolicy.assert(actorOf(tx), 'manage', before);
    if (before.archivedAt) throw new DomainError('post_archived', 409, { name: before.name });
    if (patch.version !== undefined && patch.version !== before.version) throw versionConflict();
    const next: Partial<PostRow> = { updatedAt: iso(tx.clock.now()) };
    if (patch.name !== undefined && patch.name !== before.name) {
      const clash = await postsRepo.liveByName(tx.db, before.departmentId, patch.name);
      if (clash && clash.id !== id) throw duplicate('body.name', patch.name);
      next.name = patch.name;
    }
    if (patch.duties !== undefined) next.duties = patch.duties;
    if (patch.aPersonId !== undefined || patch.bPersonId !== undefined) {
      next.aPersonId = patch.aPersonId !== undefined ? patch.aPersonId : before.aPersonId;
      next.bPersonId = patch.bPersonId !== undefined ? patch.bPersonId : before.bPersonId;
      await assertHolders(tx, before.departmentId, { aPersonId: next.aPersonId, bPersonId: next.bPersonId });
    }
    if (!(await postsRepo.update(tx.db, id, before.version, next))) throw versionConflict();
    const after = { ...before, ...next, version: before.version + 1 };
    await recordAudit(tx, { action: 'post.update', entityType: 'post', entityId: id, before, after });
    return after;
  });
}

/** 撤销岗位: archived, never deleted, so tasks that name it keep their meaning. */
export async function archivePost(ctx: Ctx, id: string): Promise<PostRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await getPost(tx, id);
    postPolicy.assert(actorOf(tx), 'manage', before);
    if (before.archivedAt) return before;
    const now = iso(tx.clock.now());
    if (!(await postsRepo.update(tx.db, id, before.version, { archivedAt: now, updatedAt: now }))) throw versionConflict();
    const after = { ...before, archivedAt: now, updatedAt: now, version: before.version + 1 };
    await recordAudit(tx, { action: 'post.archive', entityType: 'post', entityId: id, before, after });
    return after;
  });
}
