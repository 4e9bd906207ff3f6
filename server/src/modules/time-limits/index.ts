// 限时办结 — the time-limits module's front door: the rule table of limits in working days per kind
// of item, the timers other modules keep for their items, and the on-time statistics.
export { timeLimitRoutes } from './time-limits.routes.ts';
export {
  cancelTimer,
  limitOf,
  moveTimer,
  moveTimerDue,
  resumeTimer,
  startTimer,
  stopTimer,
  timersOf,
  type TimerStart,
} from './timers.service.ts';
