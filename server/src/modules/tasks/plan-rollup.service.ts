import type { WarningColor } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { planCatalogue, type Figures, type MeasureRow, type PlanRow, type PlanTasks, type ProgrammeRow } from '../plan/index.ts';
import { taskCountersRepo, type RollupRow } from './task-counters.repo.ts';
import { refreshWarnings } from './urging.service.ts';

/** 进度汇总: the plan's figures — programmes and measures — from the counters every task write keeps (task-counters.repo.ts). */
type Colours = Figures['colours'];
const noColours = (): Colours => ({ none: 0, blue: 0, yellow: 0, red: 0 });
/** `closedLate`: top-level tasks closed after their original due date (逾期办结), whatever their colour now. */
type Late = { closedLate: number };
export type PlanRollup = Figures &
  Late & {
    plan: PlanRow;
    programmes: (Figures & Late & { row: ProgrammeRow; measures: (Figures & Late & { row: MeasureRow })[] })[];
  };

const round1 = (x: number) => Math.round(x * 10) / 10;
/** Weighted mean of the parts that have tasks: Σ weight × progress / Σ weight (one decimal). */
function weighted(parts: { weight: number; progress: number; taskCount: number }[]): number {
  const counted = parts.filter((p) => p.taskCount > 0);
  const w = counted.reduce((s, p) => s + p.weight, 0);
  return w === 0 ? 0 : round1(counted.reduce((s, p) => s + p.weight * p.progress, 0) / w);
}
const sumColours = (parts: { colours: Colours }[]) =>
  parts.reduce((c, p) => {
    for (const k of Object.keys(c) as WarningColor[]) c[k] += p.colours[k];
    return c;
  }, noColours());

/**
 * Weighted progress (进度) from the roll-up counters: a measure is Σ(task weight × progress) /
 * Σ task weight over its top-level tasks; a programme is the measure-weighted mean of its measures
 * that have tasks; the plan is the programme-weighted mean of its programmes that have tasks.
 */
export async function planRollup(ctx: Ctx, planId: string): Promise<PlanRollup> {
  const catalogue = await planCatalogue(ctx.db, planId);
  if (!catalogue) throw notFound();
  const { plan, programmes, measures } = catalogue;
  const counters = await taskCountersRepo.rollupRows(ctx.db, planId);
  const byMeasure = new Map<string, RollupRow[]>();
  for (const c of counters) byMeasure.set(c.measureId, [...(byMeasure.get(c.measureId) ?? []), c]);
  const measureFigures = (m: MeasureRow) => {
    const rows = byMeasure.get(m.id) ?? [];
    const colours = noColours();
    let count = 0;
    let weight = 0;
    let progress = 0;
    let closedLate = 0;
    for (const r of rows) {
      closedLate += Number(r.closedLateCount);
      count += Number(r.taskCount);
      weight += Number(r.weightSum);
      progress += Number(r.progressSum);
      colours[r.warning as WarningColor] += Number(r.taskCount);
    }
    return { row: m, taskCount: count, colours, closedLate, progress: weight === 0 ? 0 : round1(progress / weight) };
  };
  const out = programmes.map((p) => {
    const ms = measures.filter((m) => m.programmeId === p.id).map(measureFigures);
    return {
      row: p,
      measures: ms,
      taskCount: ms.reduce((s, m) => s + m.taskCount, 0),
      closedLate: ms.reduce((s, m) => s + m.closedLate, 0),
      colours: sumColours(ms),
      progress: weighted(ms.map((m) => ({ weight: m.row.weight, progress: m.progress, taskCount: m.taskCount }))),
    };
  });
  return {
    plan,
    programmes: out,
    taskCount: out.reduce((s, p) => s + p.taskCount, 0),
    closedLate: out.reduce((s, p) => s + p.closedLate, 0),
    colours: sumColours(out),
    progress: weighted(out.map((p) => ({ weight: p.row.weight, progress: p.progress, taskCount: p.taskCount }))),
  };
}

/** What the plan module needs of its tasks (plan/plan-tasks.port.ts), wired in at start-up by bootstrap.ts. */
export const planTasks: PlanTasks = {
  async figures(ctx, planId) {
    const rollup = await planRollup(ctx, planId);
    const programmes = new Map(rollup.programmes.map((p) => [p.row.id, p]));
    const measures = new Map(rollup.programmes.flatMap((p) => p.measures.map((m) => [m.row.id, m] as const)));
    return { programmes, measures };
  },
  recolour: (ctx, planId) => refreshWarnings(ctx, planId),
};
