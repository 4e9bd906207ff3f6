import { WarningThresholds, type FiveCharGrade, type TaskStatus } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { departmentsBasics, postsAndPeople, postsWithHolders, type PostWithHolder } from '../org/org.directory.ts';
import type { PlanRow } from './plan.repo.ts';
import { catalogueOf } from './plan-catalogue.ts';
import { tasksRepo, type MilestoneRow, type TaskRow } from './tasks.repo.ts';
import type { TaskAccess } from './tasks.policy.ts';
import { memoisedAssess, type Assessment } from './warnings.ts';

/** A task with everything its presenter shows: names, the acting handler, milestones, the live colour. */
export type TaskView = {
  row: TaskRow;
  measureName: string;
  programmeName: string;
  leadDepartmentName: string;
  cooperatingDepartmentIds: string[];
  post: PostWithHolder | null;
  leaderName: string | null;
  milestones: MilestoneRow[];
  access: TaskAccess;
  /** computed for today (the stored colour is what filters and counters use; a daily job keeps it current) */
  assessment: Assessment;
};

export const today = (ctx: Pick<Ctx, 'clock'>) => shanghaiDate(ctx.clock.now());
export const thresholdsOf = (plan: Pick<PlanRow, 'thresholds'>) => WarningThresholds.parse(JSON.parse(plan.thresholds));
export const EMPTY_GRADE: FiveCharGrade = { zhun: null, kuai: null, shi: null, nong: null, xian: null };
export const gradeOf = (row: Pick<TaskRow, 'grade'>): FiveCharGrade => ({ ...EMPTY_GRADE, ...(JSON.parse(row.grade) as Partial<FiveCharGrade>) });

/** Who acts on the task's responsible post now (AB岗), and the rest of what policies need. */
export async function accessOf(db: Executor, row: TaskRow, cooperating?: string[]): Promise<TaskAccess & { post: PostWithHolder | null }> {
  const [posts, coop] = await Promise.all([
    postsWithHolders(db, [row.responsiblePostId]),
    cooperating ? Promise.resolve(cooperating) : tasksRepo.cooperatorsOf(db, [row.id]).then((m) => m.get(row.id) ?? []),
  ]);
  const post = row.responsiblePostId ? posts.get(row.responsiblePostId) ?? null : null;
  return {
    status: row.status as TaskStatus, leadDepartmentId: row.leadDepartmentId, cooperatingDepartmentIds: coop,
    handlerPersonId: post?.actingPersonId ?? null, leaderPersonId: row.leaderPersonId, post,
  };
}

/**
 * Views for a page of tasks: a fixed number of queries however long the page — five, as the plan
 * catalogue and the calendar are cached.
 */
export async function taskViews(ctx: Ctx, rows: TaskRow[]): Promise<TaskView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [catalogue, cooperators, milestones, { posts, people: leaders }, calendar] = await Promise.all([
    catalogueOf(ctx.db, rows),
    tasksRepo.cooperatorsOf(ctx.db, ids),
    tasksRepo.milestonesOf(ctx.db, ids),
    postsAndPeople(ctx.db, rows.map((r) => r.responsiblePostId), rows.map((r) => r.leaderPersonId)),
    calendarFor(ctx.db),
  ]);
  const departments = await departmentsBasics(ctx.db, rows.map((r) => r.leadDepartmentId));
  const thresholds = new Map([...catalogue.plans.values()].map((p) => [p.id, thresholdsOf(p)]));
  const assess = memoisedAssess(calendar);
  const day = today(ctx);
  return rows.map((row) => {
    const post = row.responsiblePostId ? posts.get(row.responsiblePostId) ?? null : null;
    const coop = cooperators.get(row.id) ?? [];
    const status = row.status as TaskStatus;
    return {
      row, post, cooperatingDepartmentIds: coop, milestones: milestones.get(row.id) ?? [],
      measureName: catalogue.measures.get(row.measureId)?.name ?? '', programmeName: catalogue.programmes.get(row.programmeId)?.name ?? '',
      leadDepartmentName: departments.get(row.leadDepartmentId)?.name ?? '',
      leaderName: row.leaderPersonId ? leaders.get(row.leaderPersonId)?.name ?? null : null,
      access: { status, leadDepartmentId: row.leadDepartmentId, cooperatingDepartmentIds: coop, handlerPersonId: post?.actingPersonId ?? null, leaderPersonId: row.leaderPersonId },
      assessment: assess({ today: day, startDate: row.startDate, dueDate: row.dueDate, status, progress: row.progress, thresholds: thresholds.get(row.planId) ?? WarningThresholds.parse({}) }),
    };
  });
}
