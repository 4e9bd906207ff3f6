import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { systemRoutes } from './system/system.routes.ts';
import { authRoutes } from './identity/auth.routes.ts';
import { accessRoutes } from './identity/access.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { departmentRoutes } from './org/departments.routes.ts';
import { peopleRoutes } from './org/people.routes.ts';
import { postRoutes } from './org/posts.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { planRoutes } from './tasks/plan.routes.ts';
import { taskRoutes } from './tasks/tasks.routes.ts';
import { taskActionRoutes } from './tasks/task-actions.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import type { JobDefinition } from '../platform/jobs/define.ts';
import { jobsHousekeepingJob } from '../platform/jobs/housekeeping.job.ts';
import { notificationDeliveryJob } from '../platform/notifications/deliver.ts';
import { taskWarningsJob } from './urging/urging.job.ts';

/** Every module's route plugin, registered under /api. A new module adds one line. */
export const apiModules: FastifyPluginAsyncZod[] = [
  systemRoutes,
  authRoutes,
  accessRoutes,
  auditRoutes,
  departmentRoutes,
  peopleRoutes,
  postRoutes,
  calendarRoutes,
  planRoutes,
  taskRoutes,
  taskActionRoutes,
  notificationRoutes,
];

/** Every job the runner knows, crons declared beside their handlers. A new job adds one line. */
export const jobDefinitions: JobDefinition<any>[] = [jobsHousekeepingJob, notificationDeliveryJob, taskWarningsJob];
