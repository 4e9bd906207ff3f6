// 督查督办 — the supervision module's front door: the plan (六大工程 → 20 条举措), tasks and their
// life cycle, warnings and automatic urging. Other modules, the seed and the CLI import it only here.
export { planTaskRoutes } from './plan-tasks.routes.ts';
export { planTasks } from './plan-rollup.service.ts';
export { taskRoutes } from './tasks.routes.ts';
export { taskActionRoutes } from './task-actions.routes.ts';
export { taskWorkflowRoutes } from './task-workflow.routes.ts';
export { taskWarningsJob } from './urging.job.ts';
export { evidenceSweepJob } from './evidence-sweep.job.ts';
export { refreshWarnings } from './urging.service.ts';
export { createTask, taskRowById, tasksOfPlan } from './tasks.service.ts';
export { gradeTask, noteOnTask, takeStep } from './task-actions.service.ts';
export { uploadEvidence } from './evidence.service.ts';
export { scheduleProgress } from './warnings.rules.ts';
// 工作台待办: the desk's task sections (a registry: add a provider for a new step) and figures
export { TASK_DESK_SECTIONS, onTimeRates, taskAttention, type DeskRequest, type DeskSectionProvider } from './task-desk.sections.ts';
// 批示 on a task, for the instructions module
export { instructOnTask, taskForInstruction, taskLabels, visibleTask, type InstructedTask } from './task-instructions.service.ts';
export { today as shanghaiToday } from './task-views.service.ts';
// 一周一调度: red and yellow tasks for the weekly dispatch sheet
export { taskRowsByIds, warnedOpenTasks } from './warned-tasks.service.ts';
// 一季一通报: each lead department's figures over a quarter, and the items overdue at its end
export { departmentPeriodFigures, overdueTasksAtEnd, type DepartmentPeriodFigures, type OverdueAtEnd } from './quarter-figures.service.ts';
// 一月一小结: a department's own figures over a month, and the tasks it closed in it
export { departmentMonthFigures, tasksClosedInMonth, type DepartmentMonthFigures } from './department-month-figures.ts';
export type { TaskRow } from './tasks.repo.ts';
export { STATUS_LABELS as TASK_STATUS_LABELS } from './task-lifecycle.ts';
