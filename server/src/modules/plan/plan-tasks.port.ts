import type { WarningColor } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';

/** A part of the plan in figures: weighted progress (进度), how many tasks, how many of each colour. */
export type Figures = { progress: number; taskCount: number; colours: Record<WarningColor, number> };

/**
 * What the plan needs of its tasks: the figures its programmes and measures show, and recolouring
 * the tasks when the plan's warning thresholds change. Tasks read the plan (its catalogue and
 * thresholds), so the plan may not import tasks back; start-up (bootstrap.ts `prepareDatabase`)
 * fills this port in with the tasks module's `planTasks`.
 */
export interface PlanTasks {
  figures(ctx: Ctx, planId: string): Promise<{ programmes: ReadonlyMap<string, Figures>; measures: ReadonlyMap<string, Figures> }>;
  recolour(ctx: Ctx, planId: string): Promise<unknown>;
}

let provided: PlanTasks | undefined;

export function providePlanTasks(tasks: PlanTasks) {
  provided = tasks;
}

export function planTasks(): PlanTasks {
  if (!provided) throw new Error('plan: no PlanTasks provided (bootstrap.ts prepareDatabase wires the tasks module in)');
  return provided;
}
