import type { Ctx } from '../../platform/context.ts';
import { getPlan, measuresOf, programmesOf } from '../plan/index.ts';
import { writeSheet, type Cell, type Column } from '../../platform/documents/xlsx.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { tasksRepo } from './tasks.repo.ts';
import { taskViews, type TaskView } from './task-views.service.ts';
import { taskEventsRepo, type TaskEventRow } from './task-events.repo.ts';
import { STATUS_LABELS } from './task-lifecycle.ts';

/** The columns of the plan workbook, export and import alike (the import reads them by header name). */
export const PLAN_COLUMNS = {
  programmeCode: '工程编号',
  programmeName: '工程名称',
  measureCode: '举措编号',
  measureName: '举措名称',
  code: '任务编号',
  parentCode: '上级任务编号',
  title: '任务名称',
  statement: '任务书',
  deliverables: '预期成果',
  leadDepartment: '牵头部门',
  cooperating: '配合部门',
  post: '责任岗位',
  leader: '分管领导',
  startDate: '开始日期',
  dueDate: '截止日期',
  weight: '权重',
  tagged: '挂牌',
  milestones: '时间节点',
} as const;
/** Shown by the export, ignored by the import. */
export const STATE_COLUMNS = {
  status: '状态',
  progress: '进度(%)',
  warning: '预警',
  handler: '责任人',
  daysLeft: '剩余工作日',
  originalDueDate: '原定完成时限',
  closedLate: '办结情况',
  latestProgress: '最新进展',
} as const;
export const WARNING_LABELS = { none: '', blue: '蓝', yellow: '黄', red: '红' } as const;

/** The 预警 cell is shaded in its colour, keyed by the label the cell shows. */
const WARNING_FILLS: Record<string, string> = {
  [WARNING_LABELS.red]: 'FFF8D7DA',
  [WARNING_LABELS.yellow]: 'FFFFF3CD',
  [WARNING_LABELS.blue]: 'FFD6E9F8',
};

const milestoneText = (v: TaskView) => v.milestones.map((m) => `${m.name}@${m.dueDate}`).join('；');

/** 办结情况: closed on time, or 逾期办结 N 个工作日 (kept at close-out, whatever the colour now); empty while open. */
export const closedLateText = (days: number | null) => (days === null ? '' : days > 0 ? `逾期办结 ${days} 个工作日` : '按期办结');
const CLOSED_LATE_FILL = 'FFF8D7DA';

/** 最新进展: the latest progress report, dated, with its percent. */
const latestText = (e: TaskEventRow | undefined) =>
  e ? `${e.at.slice(0, 10)}${e.percent !== null ? `（${e.percent}%）` : ''} ${e.text}`.trim() : '';

/** One row per task in plan-workbook order; the state columns follow the importable ones. */
async function taskRows(
  ctx: Ctx,
  views: TaskView[],
  codes: Map<string, { programme: { code: string; name: string }; measure: { code: string; name: string } }>,
) {
  const departments = await cachedDepartmentsBasics(
    ctx.db,
    views.flatMap((v) => [v.row.leadDepartmentId, ...v.cooperatingDepartmentIds]),
  );
  const latest = await taskEventsRepo.latestReports(
    ctx.db,
    views.map((v) => v.row.id),
  );
  const parentCodes = new Map(
    (
      await tasksRepo.byIds(
        ctx.db,
        views.map((v) => v.row.parentId).filter((x): x is string => !!x),
      )
    ).map((t) => [t.id, t.code]),
  );
  return views.map((v): Cell[] => {
    const c = codes.get(v.row.measureId);
    return [
      c?.programme.code ?? '',
      c?.programme.name ?? v.programmeName,
      c?.measure.code ?? '',
      c?.measure.name ?? v.measureName,
      v.row.code,
      v.row.parentId ? (parentCodes.get(v.row.parentId) ?? '') : '',
      v.row.title,
      v.row.statement,
      v.row.deliverables,
      v.leadDepartmentName,
      v.cooperatingDepartmentIds.map((id) => departments.get(id)?.name ?? '').join('、'),
      v.post?.name ?? '',
      v.leaderName ?? '',
      v.row.startDate,
      v.row.dueDate,
      v.row.weight,
      v.row.tagged ? '是' : '否',
      milestoneText(v),
      STATUS_LABELS[v.access.status].zh,
      v.row.progress,
      WARNING_LABELS[v.assessment.warning],
      v.handler?.name ?? '',
      v.assessment.workingDaysLeft,
      v.row.originalDueDate ?? '',
      closedLateText(v.row.closedLateDays),
      latestText(latest.get(v.row.id)),
    ];
  });
}

const PLAN_SHEET_COLUMNS: Column[] = [
  { header: PLAN_COLUMNS.programmeCode, width: 10 },
  { header: PLAN_COLUMNS.programmeName, width: 16 },
  { header: PLAN_COLUMNS.measureCode, width: 10 },
  { header: PLAN_COLUMNS.measureName, width: 28 },
  { header: PLAN_COLUMNS.code, width: 12 },
  { header: PLAN_COLUMNS.parentCode, width: 12 },
  { header: PLAN_COLUMNS.title, width: 36 },
  { header: PLAN_COLUMNS.statement, width: 40 },
  { header: PLAN_COLUMNS.deliverables, width: 24 },
  { header: PLAN_COLUMNS.leadDepartment, width: 20 },
  { header: PLAN_COLUMNS.cooperating, width: 24 },
  { header: PLAN_COLUMNS.post, width: 16 },
  { header: PLAN_COLUMNS.leader, width: 10 },
  { header: PLAN_COLUMNS.startDate, width: 12 },
  { header: PLAN_COLUMNS.dueDate, width: 12 },
  { header: PLAN_COLUMNS.weight, width: 6 },
  { header: PLAN_COLUMNS.tagged, width: 6 },
  { header: PLAN_COLUMNS.milestones, width: 36 },
  { header: STATE_COLUMNS.status, width: 10 },
  { header: STATE_COLUMNS.progress, width: 8 },
  { header: STATE_COLUMNS.warning, width: 6, fill: (label) => WARNING_FILLS[String(label)] },
  { header: STATE_COLUMNS.handler, width: 10 },
  { header: STATE_COLUMNS.daysLeft, width: 10 },
  { header: STATE_COLUMNS.originalDueDate, width: 12 },
  { header: STATE_COLUMNS.closedLate, width: 18, fill: (label) => (String(label).startsWith('逾期') ? CLOSED_LATE_FILL : undefined) },
  { header: STATE_COLUMNS.latestProgress, width: 48 },
];

async function measureCodes(ctx: Ctx, planIds: string[]) {
  const out = new Map<string, { programme: { code: string; name: string }; measure: { code: string; name: string } }>();
  for (const planId of new Set(planIds)) {
    const [programmes, measures] = await Promise.all([programmesOf(ctx.db, planId), measuresOf(ctx.db, planId)]);
    const p = new Map(programmes.map((x) => [x.id, x]));
    for (const m of measures) {
      const prog = p.get(m.programmeId)!;
      out.set(m.id, { programme: { code: prog.code, name: prog.name }, measure: { code: m.code, name: m.name } });
    }
  }
  return out;
}

/** 任务清单: any filtered list as it stands today (the caller applies the actor's scope). */
export async function exportTasksXlsx(ctx: Ctx, views: TaskView[]): Promise<Buffer> {
  const codes = await measureCodes(
    ctx,
    views.map((v) => v.row.planId),
  );
  return writeSheet({ name: '任务清单', columns: PLAN_SHEET_COLUMNS, rows: await taskRows(ctx, views, codes) });
}

/**
 * The whole plan as one workbook that the import reads back: programmes and measures without
 * tasks get a row of their own; tasks follow in code order, parents before their sub-tasks.
 */
export async function exportPlanXlsx(ctx: Ctx, planId: string): Promise<{ bytes: Buffer; name: string }> {
  const plan = await getPlan(ctx, planId);
  const [programmes, measures, tasks] = await Promise.all([
    programmesOf(ctx.db, planId),
    measuresOf(ctx.db, planId),
    tasksRepo.ofPlan(ctx.db, planId),
  ]);
  const codes = await measureCodes(ctx, [planId]);
  const depth = new Map<string, number>();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const depthOf = (id: string): number => {
    if (depth.has(id)) return depth.get(id)!;
    const parent = byId.get(id)?.parentId;
    const d = parent && byId.has(parent) ? depthOf(parent) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  const order = new Map(measures.map((m, i) => [m.id, i]));
  tasks.sort((a, b) => order.get(a.measureId)! - order.get(b.measureId)! || depthOf(a.id) - depthOf(b.id) || a.code.localeCompare(b.code));
  const views = await taskViews(ctx, tasks);
  const withTasks = new Set(tasks.map((t) => t.measureId));
  const programmeIdsWithMeasures = new Set(measures.map((m) => m.programmeId));
  const rows: Cell[][] = [];
  for (const p of programmes) if (!programmeIdsWithMeasures.has(p.id)) rows.push([p.code, p.name]);
  for (const m of measures) {
    if (withTasks.has(m.id)) continue;
    const c = codes.get(m.id)!;
    rows.push([c.programme.code, c.programme.name, c.measure.code, c.measure.name]);
  }
  rows.push(...(await taskRows(ctx, views, codes)));
  return { bytes: await writeSheet({ name: '计划任务', columns: PLAN_SHEET_COLUMNS, rows }), name: plan.name };
}
