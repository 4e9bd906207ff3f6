import type { Executor } from '../../platform/db/database.ts';
import { epochCache } from '../../platform/db/epoch-cache.ts';
import { planRepo, planTablesEpoch as epoch, type MeasureRow, type PlanRow, type ProgrammeRow } from './plan.repo.ts';

/** A plan with its programmes (工程) and measures (举措), in display order. Shared: never change it. */
export type PlanCatalogue = { plan: PlanRow; programmes: readonly ProgrammeRow[]; measures: readonly MeasureRow[] };

/**
 * Every task page and roll-up reads these few dozen rows, which change a few times a year. Writes
 * through this process rebuild them at once; the time limit (like the calendar's) bounds how long
 * a change made through another app instance goes unseen here.
 */
const CATALOGUE_TTL_MS = 30_000;

const cached = epochCache<string, PlanCatalogue | undefined>(epoch, CATALOGUE_TTL_MS);

const frozen = <T extends object>(rows: T[]) => Object.freeze(rows.map((r) => Object.freeze(r)));

async function read(db: Executor, planId: string): Promise<PlanCatalogue | undefined> {
  const [plan, programmes, measures] = await Promise.all([
    planRepo.planById(db, planId),
    planRepo.programmesOf(db, planId),
    planRepo.measuresOf(db, planId),
  ]);
  return plan && { plan: Object.freeze(plan), programmes: frozen(programmes), measures: frozen(measures) };
}

/**
 * The plan's catalogue, undefined for an unknown plan. Requests that miss together read it once;
 * `fresh` reads it anew (a row it lacks was just referenced) and joins no read already under way.
 */
export const planCatalogue = (db: Executor, planId: string, opts: { fresh?: boolean } = {}) =>
  cached(db, planId, () => read(db, planId), opts);

function covers(c: PlanCatalogue, refs: { programmeId: string; measureId: string }[]) {
  const programmes = new Set(c.programmes.map((p) => p.id));
  const measures = new Set(c.measures.map((m) => m.id));
  return refs.every((r) => programmes.has(r.programmeId) && measures.has(r.measureId));
}

/** Plans, programmes and measures by id for rows that reference them (a task page). */
export async function catalogueOf(db: Executor, refs: { planId: string; programmeId: string; measureId: string }[]) {
  const plans = new Map<string, PlanRow>();
  const programmes = new Map<string, ProgrammeRow>();
  const measures = new Map<string, MeasureRow>();
  for (const planId of new Set(refs.map((r) => r.planId))) {
    let c = await planCatalogue(db, planId);
    // a programme or measure just made through another instance: read the plan again
    if (
      c &&
      !covers(
        c,
        refs.filter((r) => r.planId === planId),
      )
    )
      c = await planCatalogue(db, planId, { fresh: true });
    if (!c) continue;
    plans.set(planId, c.plan);
    for (const p of c.programmes) programmes.set(p.id, p);
    for (const m of c.measures) measures.set(m.id, m);
  }
  return { plans, programmes, measures };
}
