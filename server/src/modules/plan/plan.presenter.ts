import type { Measure, Plan, Programme } from '@qinlian/contracts';
import type { MeasureRow, PlanRow, ProgrammeRow } from './plan.repo.ts';
import type { Figures } from './plan-tasks.port.ts';
import { thresholdsOf } from './plan.service.ts';

export function presentPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    startDate: row.startDate,
    endDate: row.endDate,
    thresholds: thresholdsOf(row),
    version: row.version,
  };
}

const emptyFigures: Figures = { progress: 0, taskCount: 0, colours: { none: 0, blue: 0, yellow: 0, red: 0 } };

/** `leaderName`: the leader in charge (牵头领导), looked up by the route so readers need not see that person's record. */
export function presentProgramme(row: ProgrammeRow, f: Figures = emptyFigures, leaderName: string | null = null): Programme {
  return {
    id: row.id,
    planId: row.planId,
    code: row.code,
    name: row.name,
    sort: row.sort,
    weight: row.weight,
    leaderPersonId: row.leaderPersonId,
    leaderName,
    progress: f.progress,
    taskCount: f.taskCount,
    colours: f.colours,
    version: row.version,
  };
}

export function presentMeasure(row: MeasureRow, f: Figures = emptyFigures): Measure {
  return {
    id: row.id,
    programmeId: row.programmeId,
    code: row.code,
    name: row.name,
    sort: row.sort,
    weight: row.weight,
    progress: f.progress,
    taskCount: f.taskCount,
    colours: f.colours,
    version: row.version,
  };
}
