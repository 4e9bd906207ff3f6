// 工作日历 — the working-day calendar's routes (the calendar itself is platform/calendar).
export { calendarRoutes } from './calendar.routes.ts';
