import type { Rollup } from '@qinlian/contracts';
import { presentMeasure, presentProgramme } from '../plan/index.ts';
import type { PlanRollup } from './plan-rollup.service.ts';

export function presentRollup(r: PlanRollup, leaderNames: ReadonlyMap<string, { name: string }> = new Map()): Rollup {
  return {
    planId: r.plan.id,
    progress: r.progress,
    taskCount: r.taskCount,
    colours: r.colours,
    closedLate: r.closedLate,
    programmes: r.programmes.map((p) => ({
      ...presentProgramme(p.row, p, leaderNames.get(p.row.leaderPersonId ?? '')?.name ?? null),
      closedLate: p.closedLate,
      measures: p.measures.map((m) => ({ ...presentMeasure(m.row, m), closedLate: m.closedLate })),
    })),
  };
}
