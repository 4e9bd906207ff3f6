import type { DeskItem, DeskSection, OnTimeMonth, Permission, TaskDeskView } from '@qinlian/contracts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { cachedAnswer } from './task-answers.cache.ts';
import { taskCountersRepo } from './task-counters.repo.ts';
import { deskConditionOf, myWithin, scopeDepartments, type DeskCondition } from './task-desk.filter.ts';
import { taskDeskRepo } from './task-desk.repo.ts';
import { taskDueCountersRepo, type DueCountRow } from './task-due-counters.repo.ts';
import type { DeskWithin } from './tasks.repo.ts';

/**
 * 工作台待办: the desk's sections about tasks, and its figures (红灯/黄灯 in my scope, 按期办结率).
 * Counts come from the counters kept with every task write (task_counters, task_due_counters) and
 * the post index, never from a scan; each answer is kept until the next task write or the next day
 * (task-answers.cache.ts). The conditions are the list's own (`?desk=…`, task-desk.filter.ts).
 *
 * Extension point: a workflow step that leaves work for someone adds a `TaskDeskView` (contracts),
 * its condition in task-desk.filter.ts, and a provider to TASK_DESK_SECTIONS below — the desk
 * (modules/desk) shows every provider that applies to the actor, in DESK_SECTION_KEYS order.
 */
export type DeskRequest = { planId?: string; today: string };
export type DeskSectionProvider = {
  /** the section's key (DeskSectionKey) */
  key: string;
  /** whether the actor can have such work at all; the desk leaves the section out otherwise */
  applies(actor: Actor): boolean;
  /** null: the actor turned out to have no such work at all (not the head of a department, say) */
  build(ctx: Ctx, req: DeskRequest): Promise<DeskSection | null>;
};

/** How many items a section shows; the rest are one click away on its list. */
export const DESK_ITEMS = 5;

type Counted = { status: string; warning: string; n: number };
const sum = (rows: Counted[]) => rows.reduce((n, r) => n + r.n, 0);

/** Counts by status and colour within my reach: the counters for my departments, the post and person indexes for my work outside them. */
async function countsWithin(ctx: Ctx, within: DeskWithin, planId?: string): Promise<Counted[]> {
  const [counters, mine] = await Promise.all([
    taskCountersRepo.countsBy(ctx.db, { planId, departmentIds: within.departmentIds ?? undefined }),
    taskDeskRepo.mineOutside(ctx.db, within, planId),
  ]);
  return [...counters, ...mine];
}

/** The list behind a section (the list adds the current plan itself). */
export const deskLink = (view: TaskDeskView, extra = '') => `/tasks?tab=all&desk=${view}${extra}`;

const taskItem = (today: string, r: { id: string; code: string; title: string; dueDate: string; warning: string }): DeskItem => ({
  kind: 'task',
  id: r.id,
  code: r.code,
  title: r.title,
  dueDate: r.dueDate,
  overdue: r.dueDate < today,
  warning: r.warning as DeskItem['warning'],
  link: `/tasks/${r.id}`,
});

const holds =
  (...permissions: Permission[]) =>
  (actor: Actor) =>
    permissions.every((p) => actor.permissions.has(p));
/** who may head a department: a handler bound to a person of a department (the section is left out for any but its head) */
const heads = (actor: Actor) => holds('tasks.read', 'tasks.handle')(actor) && actor.personId !== null && actor.departmentId !== null;

/** How many, and how many red: from the counters by status, or (extension requests) their own small table. */
async function figuresOf(ctx: Ctx, c: DeskCondition, planId?: string): Promise<{ count: number; overdue: number }> {
  if (c.extensionPending) {
    const { count, red } = await taskDeskRepo.pendingExtensions(ctx.db, c.within, planId);
    return { count, overdue: red };
  }
  const statuses = c.statuses ?? [];
  const matching = (await countsWithin(ctx, c.within, planId)).filter((r) => statuses.includes(r.status));
  return { count: sum(matching), overdue: sum(matching.filter((r) => r.warning === 'red')) };
}

/** A section that is one of the list's desk views: its count, how many are red, the soonest few. */
export function taskSection(key: string, view: TaskDeskView, applies: (actor: Actor) => boolean): DeskSectionProvider {
  return {
    key,
    applies,
    build: (ctx, req) =>
      cachedAnswer(ctx, `desk ${key} ${req.planId ?? ''}`, async (): Promise<DeskSection | null> => {
        const c = await deskConditionOf(ctx, view);
        if (!c) return null;
        const [figures, rows] = await Promise.all([
          figuresOf(ctx, c, req.planId),
          taskDeskRepo.soonest(ctx.db, { ...c, planId: req.planId }, DESK_ITEMS),
        ]);
        return { key, ...figures, items: rows.map((r) => taskItem(req.today, r)), link: deskLink(view) };
      }),
  };
}

/** The desk's sections about tasks. Add a provider here for a new workflow step (see above). */
export const TASK_DESK_SECTIONS: DeskSectionProvider[] = [
  taskSection('accept', 'accept', holds('tasks.read', 'tasks.handle')), // 待签收
  taskSection('report', 'report', holds('tasks.read', 'tasks.handle')), // 待报送进展
  taskSection('departmentReview', 'departmentReview', heads), // 待部门审核
  taskSection('extensionApproval', 'extensionApproval', holds('tasks.read', 'plan.manage')), // 待审批延期
  taskSection('closeOutReview', 'closeOutReview', holds('tasks.read', 'plan.manage')), // 待审核销号
];

/** 红灯 / 黄灯 led in my scope or on my posts; null for someone who reads no tasks. */
export async function taskAttention(ctx: Ctx, req: DeskRequest) {
  if (!ctx.actor!.permissions.has('tasks.read')) return null;
  return cachedAnswer(ctx, `desk attention ${req.planId ?? ''}`, async () => {
    const counts = await countsWithin(ctx, await myWithin(ctx, true), req.planId);
    return {
      red: sum(counts.filter((r) => r.warning === 'red')),
      yellow: sum(counts.filter((r) => r.warning === 'yellow')),
      redLink: deskLink('attention', '&warning=red'),
      yellowLink: deskLink('attention', '&warning=yellow'),
    };
  });
}

/** First and last day of the month before `today`'s. */
function lastMonthOf(today: string): { from: string; to: string } {
  const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  const lastDay = new Date(first.getTime() - 86_400_000);
  return { from: `${lastDay.toISOString().slice(0, 7)}-01`, to: lastDay.toISOString().slice(0, 10) };
}

/** One month's 按期办结 from the due counters: due dates from `from` to `to` (at most today). */
export function onTimeMonth(rows: DueCountRow[], from: string, to: string, today: string): OnTimeMonth {
  const inMonth = rows.filter((r) => r.dueDate >= from && r.dueDate <= to);
  const of = (outcome: DueCountRow['outcome'], f: (r: DueCountRow) => boolean = () => true) =>
    inMonth.filter((r) => r.outcome === outcome && f(r)).reduce((n, r) => n + r.n, 0);
  const onTime = of('on_time');
  const late = of('late');
  const overdueOpen = of('open', (r) => r.dueDate < today);
  const decided = onTime + late + overdueOpen;
  return {
    month: from.slice(0, 7),
    due: onTime + late + of('open'),
    onTime,
    late,
    overdueOpen,
    rate: decided === 0 ? null : Math.round((1000 * onTime) / decided) / 10,
  };
}

/**
 * 按期办结率 of my departments (every department for a scope of all), this month so far against
 * last month: of the tasks due in the month up to today, the share closed by their due date.
 */
export async function onTimeRates(ctx: Ctx, req: DeskRequest) {
  if (!ctx.actor!.permissions.has('tasks.read')) return null;
  return cachedAnswer(ctx, `desk on-time ${req.planId ?? ''}`, async () => {
    const last = lastMonthOf(req.today);
    const rows = await taskDueCountersRepo.byDueDate(ctx.db, {
      from: last.from,
      to: req.today,
      departmentIds: scopeDepartments(ctx.actor!),
      planId: req.planId,
    });
    return {
      thisMonth: onTimeMonth(rows, `${req.today.slice(0, 7)}-01`, req.today, req.today),
      lastMonth: onTimeMonth(rows, last.from, last.to, req.today),
    };
  });
}
