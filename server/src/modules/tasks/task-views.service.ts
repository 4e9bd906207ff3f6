import { WarningThresholds, type FiveCharGrade, type TaskStatus } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { cachedDepartmentsBasics, postsAndPeople, postsWithHolders, type PostWithHolder } from '../org/index.ts';
import { catalogueOf, thresholdsOf } from '../plan/index.ts';
import { tasksRepo, type MilestoneRow, type TaskRow } from './tasks.repo.ts';
import type { TaskAccess } from './tasks.policy.ts';
import { memoisedAssess, type Assessment } from './warnings.rules.ts';
import { headsOf } from './task-heads.ts';
import { taskWorkflowRepo } from './task-workflow.repo.ts';

/** What a board card shows of a task: names, the acting handler, the live colour. */
export type BoardView = {
  row: TaskRow;
  measureName: string;
  programmeName: string;
  leadDepartmentName: string;
  post: PostWithHolder | null;
  /** who handles it now: the person it was dispatched to (分办), else the one acting on its post (AB岗) */
  handler: { personId: string; name: string } | null;
  leaderName: string | null;
  /** computed for today (the stored colour is what filters and counters use; a daily job keeps it current) */
  assessment: Assessment;
};

/** A task with everything its presenter shows: the board's view, cooperators, milestones and what policies need. */
export type TaskView = BoardView & {
  cooperatingDepartmentIds: string[];
  milestones: MilestoneRow[];
  access: TaskAccess;
};

export const today = (ctx: Pick<Ctx, 'clock'>) => shanghaiDate(ctx.clock.now());

export const EMPTY_GRADE: FiveCharGrade = { zhun: null, kuai: null, shi: null, nong: null, xian: null };
export const gradeOf = (row: Pick<TaskRow, 'grade'>): FiveCharGrade => ({
  ...EMPTY_GRADE,
  ...(JSON.parse(row.grade) as Partial<FiveCharGrade>),
});

/** Who handles the task now (分办, or the post's AB岗 holder), its department's head, and the rest of what policies need. */
export async function accessOf(db: Executor, row: TaskRow, cooperating?: string[]): Promise<TaskAccess & { post: PostWithHolder | null }> {
  const [posts, coop, heads, pending] = await Promise.all([
    postsWithHolders(db, [row.responsiblePostId]),
    cooperating ? Promise.resolve(cooperating) : tasksRepo.cooperatorsOf(db, [row.id]).then((m) => m.get(row.id) ?? []),
    headsOf(db, [row.leadDepartmentId]),
    taskWorkflowRepo.withPendingExtension(db, [row.id]),
  ]);
  const post = row.responsiblePostId ? (posts.get(row.responsiblePostId) ?? null) : null;
  return {
    status: row.status as TaskStatus,
    leadDepartmentId: row.leadDepartmentId,
    cooperatingDepartmentIds: coop,
    handlerPersonId: row.handlerPersonId ?? post?.actingPersonId ?? null,
    leaderPersonId: row.leaderPersonId,
    headPersonId: heads.get(row.leadDepartmentId) ?? null,
    extensionPending: pending.has(row.id),
    post,
  };
}

/** Board views for a page of tasks: two queries however long the page (the plan catalogue, departments and the calendar are cached). */
export async function boardViews(ctx: Ctx, rows: TaskRow[]): Promise<BoardView[]> {
  if (rows.length === 0) return [];
  const [catalogue, { posts, people: leaders }, departments, calendar] = await Promise.all([
    catalogueOf(ctx.db, rows),
    postsAndPeople(
      ctx.db,
      rows.map((r) => r.responsiblePostId),
      rows.flatMap((r) => [r.leaderPersonId, r.handlerPersonId]),
    ),
    cachedDepartmentsBasics(
      ctx.db,
      rows.map((r) => r.leadDepartmentId),
    ),
    calendarFor(ctx.db),
  ]);
  const thresholds = new Map([...catalogue.plans.values()].map((p) => [p.id, thresholdsOf(p)]));
  const assess = memoisedAssess(calendar);
  const day = today(ctx);
  const handlerOf = (row: TaskRow, post: PostWithHolder | null) => {
    if (row.handlerPersonId) return { personId: row.handlerPersonId, name: leaders.get(row.handlerPersonId)?.name ?? '' };
    return post?.actingPersonId ? { personId: post.actingPersonId, name: post.actingPersonName ?? '' } : null;
  };
  return rows.map((row) => ({
    row,
    post: row.responsiblePostId ? (posts.get(row.responsiblePostId) ?? null) : null,
    handler: handlerOf(row, row.responsiblePostId ? (posts.get(row.responsiblePostId) ?? null) : null),
    measureName: catalogue.measures.get(row.measureId)?.name ?? '',
    programmeName: catalogue.programmes.get(row.programmeId)?.name ?? '',
    leadDepartmentName: departments.get(row.leadDepartmentId)?.name ?? '',
    leaderName: row.leaderPersonId ? (leaders.get(row.leaderPersonId)?.name ?? null) : null,
    assessment: assess({
      today: day,
      startDate: row.startDate,
      dueDate: row.dueDate,
      status: row.status as TaskStatus,
      progress: row.progress,
      thresholds: thresholds.get(row.planId) ?? WarningThresholds.parse({}),
    }),
  }));
}

/** Views for a page of tasks: the board views plus cooperators and milestones — four queries however long the page. */
export async function taskViews(ctx: Ctx, rows: TaskRow[]): Promise<TaskView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [views, cooperators, milestones, heads, pending] = await Promise.all([
    boardViews(ctx, rows),
    tasksRepo.cooperatorsOf(ctx.db, ids),
    tasksRepo.milestonesOf(ctx.db, ids),
    headsOf(
      ctx.db,
      rows.map((r) => r.leadDepartmentId),
    ),
    taskWorkflowRepo.withPendingExtension(ctx.db, ids),
  ]);
  return views.map((v) => {
    const { row, handler } = v;
    const coop = cooperators.get(row.id) ?? [];
    return {
      ...v,
      cooperatingDepartmentIds: coop,
      milestones: milestones.get(row.id) ?? [],
      access: {
        status: row.status as TaskStatus,
        leadDepartmentId: row.leadDepartmentId,
        cooperatingDepartmentIds: coop,
        handlerPersonId: handler?.personId ?? null,
        leaderPersonId: row.leaderPersonId,
        headPersonId: heads.get(row.leadDepartmentId) ?? null,
        extensionPending: pending.has(row.id),
      },
    };
  });
}
