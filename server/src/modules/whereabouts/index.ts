// 工作人员去向牌 — the whereabouts module's front door: the console routes (own and others' whereabouts,
// history, department boards, planned absences), the public door boards, the minute job of planned
// absences, and what other modules read (whereabouts now, with who acts for those away).
// Live channel: `door-board:<departmentId>`, event `whereabouts.changed` with { personId }.
export { whereaboutsRoutes } from './whereabouts.routes.ts';
export { publicDoorBoardRoutes } from './door-boards.public.routes.ts';
export { plannedAbsenceJob } from './planned-absences.job.ts';
export { currentWhereabouts } from './whereabouts-board.service.ts';
export { doorBoardChannel, recordWhereabouts } from './whereabouts.service.ts';
// the demo seed registers leave and trips ahead and starts those begun, as the minute job would
export { registerAbsence, runPlannedAbsences } from './planned-absences.service.ts';
