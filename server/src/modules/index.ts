import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { systemRoutes } from './system/system.routes.ts';
import { authRoutes } from './identity/auth.routes.ts';
import { accessRoutes } from './identity/access.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { departmentRoutes } from './org/departments.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';

/** Every module's route plugin, registered under /api. A new module adds one line. */
export const apiModules: FastifyPluginAsyncZod[] = [
  systemRoutes,
  authRoutes,
  accessRoutes,
  auditRoutes,
  departmentRoutes,
  calendarRoutes,
];
