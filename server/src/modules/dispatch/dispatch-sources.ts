import type { DispatchItemSource } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { awaitingInstructions } from '../instructions/index.ts';
import { programmesOf } from '../plan/index.ts';
import { taskRowsByIds, warnedOpenTasks, type TaskRow } from '../tasks/index.ts';
import type { ItemRow } from './dispatch.repo.ts';

/*
 * Where a drafted sheet's items come from (一周一调度): red and yellow tasks, stalled major-project
 * problems and leaders' instructions still awaiting their 落实反馈 — each read through its module's
 * front door, limited to the plan and the organising department's units.
 */

/** What a source is asked for: the plan, the departments (null: the whole area), today, and at most how many items. */
export type DraftScope = { planId: string; departmentIds: string[] | null; today: string; limit: number };

/** One drafted item before it has a place: `rank` orders the kinds within a leader's group, `key` the items of a kind. */
export type DraftItem = Omit<ItemRow, 'id' | 'sheetId' | 'sort' | 'leaderName' | 'note'> & {
  source: DispatchItemSource;
  rank: number;
  key: string;
};

/** A source of items, and how many it left out over the limit. */
export type DraftSource = (ctx: Ctx, scope: DraftScope) => Promise<{ items: DraftItem[]; omitted: number }>;

const RANK = { red: 0, yellow: 1, project: 2, instruction: 3 } as const;

/** 分管领导 of a task: its own leader in charge, else the leader of its programme (一名领导牵头一个项目). */
async function leaderOfTask(db: Executor, planId: string): Promise<(t: TaskRow) => string | null> {
  const programmes = new Map((await programmesOf(db, planId)).map((p) => [p.id, p.leaderPersonId]));
  return (t) => t.leaderPersonId ?? programmes.get(t.programmeId) ?? null;
}

const taskLabel = (t: Pick<TaskRow, 'code' | 'title'>) => `${t.code} ${t.title}`.slice(0, 200);

/** 红黄灯事项: the plan's open red and yellow tasks, red first, the longest in its colour first. */
const warnedTasks: DraftSource = async (ctx, scope) => {
  const { rows, total } = await warnedOpenTasks(ctx.db, scope);
  const leaderOf = await leaderOfTask(ctx.db, scope.planId);
  const items = rows.map<DraftItem>((t) => ({
    source: 'task',
    sourceId: t.id,
    taskId: t.id,
    title: taskLabel(t),
    detail: '',
    warning: t.warning,
    progress: t.progress,
    dueDate: t.dueDate,
    departmentId: t.leadDepartmentId,
    leaderPersonId: leaderOf(t),
    rank: t.warning === 'red' ? RANK.red : RANK.yellow,
    key: t.warningSince ?? '',
  }));
  return { items, omitted: total - rows.length };
};

/**
 * 领导批示未反馈: instructions awaiting feedback, soonest due first. One on a task belongs to the task's
 * leader in charge and to the task's plan (another plan's is left to that plan's sheet); one to a
 * unit belongs to the leader who gave it.
 */
const openInstructions: DraftSource = async (ctx, scope) => {
  const { rows, total } = await awaitingInstructions(ctx.db, scope.departmentIds, scope.today, scope.limit);
  const tasks = new Map(
    (
      await taskRowsByIds(
        ctx.db,
        rows.flatMap((r) => (r.taskId ? [r.taskId] : [])),
      )
    ).map((t) => [t.id, t]),
  );
  const leaderOf = await leaderOfTask(ctx.db, scope.planId);
  const items = rows.flatMap<DraftItem>((r) => {
    const task = r.taskId ? tasks.get(r.taskId) : undefined;
    if (r.taskId && task?.planId !== scope.planId) return [];
    return [
      {
        source: 'instruction',
        sourceId: r.id,
        taskId: task?.id ?? null,
        title: task ? taskLabel(task) : r.text.split('\n')[0]!.slice(0, 200),
        detail: `${r.leaderName}：${r.text}`.slice(0, 2000),
        warning: null,
        progress: null,
        dueDate: r.feedbackDueDate,
        departmentId: r.departmentId,
        leaderPersonId: task ? leaderOf(task) : r.leaderPersonId,
        rank: RANK.instruction,
        key: r.feedbackDueDate ?? '',
      },
    ];
  });
  return { items, omitted: Math.max(0, total - rows.length) };
};

/**
 * 重大项目调度 — the extension point for stalled major-project problems. The projects module does
 * not exist yet; when it does, it hands its source in at start-up (bootstrap.ts, as the plan module's
 * port is filled), giving items of source 'project' with rank RANK.project. Until then the list is
 * empty: sheets carry no project items, and none are made up.
 */
let stalledProjectSources: readonly DraftSource[] = [];
export function provideStalledProjectSources(sources: readonly DraftSource[]): void {
  stalledProjectSources = sources;
}
export const STALLED_PROJECT_RANK = RANK.project;

/** Every source's items for a draft, and how many they left out over their limits. */
export async function collectDraftItems(ctx: Ctx, scope: DraftScope): Promise<{ items: DraftItem[]; omitted: number }> {
  const results = [];
  for (const source of [warnedTasks, ...stalledProjectSources, openInstructions]) results.push(await source(ctx, scope));
  return { items: results.flatMap((r) => r.items), omitted: results.reduce((n, r) => n + r.omitted, 0) };
}
