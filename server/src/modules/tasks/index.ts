// 督查督办 — the supervision module's front door: the plan (六大工程 → 20 条举措), tasks and their
// life cycle, warnings and automatic urging. Other modules, the seed and the CLI import it only here.
export { planTaskRoutes } from './plan-tasks.routes.ts';
export { planTasks } from './plan-rollup.service.ts';
export { taskRoutes } from './tasks.routes.ts';
export { taskActionRoutes } from './task-actions.routes.ts';
export { taskWarningsJob } from './urging.job.ts';
export { evidenceSweepJob } from './evidence-sweep.job.ts';
export { refreshWarnings } from './urging.service.ts';
export { createTask, taskRowById, tasksOfPlan } from './tasks.service.ts';
export { gradeTask, noteOnTask, takeStep } from './task-actions.service.ts';
export { uploadEvidence } from './evidence.service.ts';
export { scheduleProgress } from './warnings.rules.ts';
