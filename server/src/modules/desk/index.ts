// 工作台 — the desk module's front door: GET /api/desk, composed from the section providers of the
// modules that leave work for people (tasks, instructions, enquiries, rectification, ratings).
export { deskRoutes } from './desk.routes.ts';
