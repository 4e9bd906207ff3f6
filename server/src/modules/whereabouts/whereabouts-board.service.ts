import type { WhereaboutsNow, WhereaboutsState } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { newTrackingCode, requireTrackingCode } from '../../platform/public/tracking-code.ts';
import {
  cachedDepartmentsBasics,
  livePostsOf,
  membersOf,
  peopleBasics,
  personPhotoFile,
  type DepartmentBasics,
  type DepartmentMember,
  type PostWithHolder,
} from '../org/index.ts';
import { whereaboutsRepo, type DoorBoardRow, type WhereaboutsRow } from './whereabouts.repo.ts';
import { boardPolicy } from './whereabouts.policy.ts';
import { actingFor, whereaboutsViews, type Acting } from './whereabouts.service.ts';
import { uncoveredAmong } from './whereabouts-notices.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

/** One member of a board: who they are, their state row (none: in the office), their posts, who acts for them. */
export type BoardMember = {
  member: DepartmentMember;
  row: WhereaboutsRow | null;
  posts: { id: string; name: string; role: 'A' | 'B' }[];
  acting: Acting;
};
/** A department's board as both the console overview and the public door board are made from it. */
export type BoardView = { department: DepartmentBasics; members: BoardMember[]; uncovered: PostWithHolder[] };

export const stateOf = (row: WhereaboutsRow | null): WhereaboutsState => (row?.state as WhereaboutsState | undefined) ?? 'in_office';

/** Everyone of the department who has not left, with their state, posts and acting backups: four queries. */
export async function boardOf(db: Executor, department: DepartmentBasics): Promise<BoardView> {
  const [members, posts] = await Promise.all([membersOf(db, department.id), livePostsOf(db, [department.id])]);
  const rows = await whereaboutsRepo.byPeople(
    db,
    members.map((m) => m.id),
  );
  const status = new Map(members.map((m) => [m.id, m.status]));
  const present = (id: string | null) => !!id && status.get(id) === 'active';
  return {
    department,
    members: members.map((member) => ({
      member,
      row: rows.get(member.id) ?? null,
      posts: posts.flatMap((p) => [
        ...(p.aPersonId === member.id ? [{ id: p.id, name: p.name, role: 'A' as const }] : []),
        ...(p.bPersonId === member.id ? [{ id: p.id, name: p.name, role: 'B' as const }] : []),
      ]),
      acting: member.status === 'away' ? actingFor(member.id, posts, present) : null,
    })),
    uncovered: uncoveredAmong(posts, present),
  };
}

/** A department whose board the actor may see, or 404. */
export async function visibleDepartment(ctx: Ctx, departmentId: string): Promise<DepartmentBasics> {
  const department = (await cachedDepartmentsBasics(ctx.db, [departmentId])).get(departmentId);
  if (!department) throw notFound();
  boardPolicy.assert(actorOf(ctx), 'read', { departmentId });
  return department;
}

/** The department's public door-board code, made on the first ask (audited). */
export async function doorBoardFor(ctx: Ctx, departmentId: string): Promise<DoorBoardRow> {
  await visibleDepartment(ctx, departmentId);
  const existing = await whereaboutsRepo.doorBoardOf(ctx.db, departmentId);
  if (existing) return existing;
  return inTransaction(ctx, async (tx) => {
    const row: DoorBoardRow = { departmentId, code: newTrackingCode(), createdAt: iso(tx.clock.now()) };
    if (await whereaboutsRepo.insertDoorBoard(tx.db, row)) {
      await recordAudit(tx, { action: 'door_board.create', entityType: 'door_board', entityId: departmentId, after: row });
      return row;
    }
    return (await whereaboutsRepo.doorBoardOf(tx.db, departmentId))!;
  });
}

/** The department behind a public code: a mistyped code is a 400, an unknown one (or an archived department) a plain 404. */
export async function departmentOfCode(ctx: Ctx, rawCode: string): Promise<DepartmentBasics> {
  const code = requireTrackingCode(rawCode, ctx.lang, 'params.code');
  const board = await whereaboutsRepo.doorBoardByCode(ctx.db, code);
  const department = board ? (await cachedDepartmentsBasics(ctx.db, [board.departmentId])).get(board.departmentId) : undefined;
  if (!department || department.archived) throw notFound();
  return department;
}

export async function publicDoorBoard(ctx: Ctx, rawCode: string): Promise<BoardView & { code: string }> {
  const code = requireTrackingCode(rawCode, ctx.lang, 'params.code');
  const department = await departmentOfCode(ctx, code); // found by exactly this code: no second look-up for it
  return { ...(await boardOf(ctx.db, department)), code };
}

/** A photo on a public door board: only of someone who is on that board now. */
export async function doorBoardPhoto(ctx: Ctx, rawCode: string, personId: string, dataDir: string) {
  const department = await departmentOfCode(ctx, rawCode);
  const person = (await peopleBasics(ctx.db, [personId])).get(personId);
  if (!person || person.departmentId !== department.id || person.status === 'left') throw notFound();
  const photo = await personPhotoFile(ctx.db, personId, dataDir);
  if (!photo) throw notFound();
  return photo;
}

/**
 * Whereabouts of these people now, for other modules (enquiries, badges …): a person never set reads
 * as in_office; while away, who acts for them (the B holder at work of one of their A posts).
 */
export async function currentWhereabouts(db: Executor, personIds: string[]): Promise<Map<string, WhereaboutsNow>> {
  const people = [...(await peopleBasics(db, personIds)).values()];
  const views = await whereaboutsViews({ db }, people);
  return new Map(
    views.map((v) => [
      v.person.id,
      {
        personId: v.person.id,
        state: stateOf(v.row),
        expectedReturnAt: v.row?.expectedReturnAt ?? null,
        actingPersonId: v.acting?.personId ?? null,
        actingPersonName: v.acting?.name ?? null,
      },
    ]),
  );
}
