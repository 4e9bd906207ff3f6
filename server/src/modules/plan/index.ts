// 计划 — the plan module's front door: a year's plan, its six programmes (六大工程) and 20 measures
// (20条具体举措), their warning thresholds. Tasks hang off measures; the tasks module reads the plan
// here, and fills in what the plan needs of its tasks through the port (plan-tasks.port.ts).
export { planRoutes } from './plan.routes.ts';
export { planPolicy } from './plan.policy.ts';
export {
  addImportedMeasure,
  addImportedProgramme,
  createMeasure,
  createPlan,
  createProgramme,
  getPlan,
  listPlans,
  measureById,
  measuresOf,
  planById,
  programmesOf,
  thresholdsOf,
  updateMeasure,
} from './plan.service.ts';
export { catalogueOf, planCatalogue, type PlanCatalogue } from './plan-catalogue.ts';
export { presentMeasure, presentProgramme } from './plan.presenter.ts';
export { planTablesEpoch } from './plan.repo.ts';
export type { MeasureRow, PlanRow, ProgrammeRow } from './plan.repo.ts';
export { providePlanTasks, type Figures, type PlanTasks } from './plan-tasks.port.ts';
