import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { JobDefinition } from '../platform/jobs/define.ts';
import { jobsHousekeepingJob } from '../platform/jobs/housekeeping.job.ts';
import { plannerStatisticsJob } from '../platform/db/planner-statistics.ts';
import { notificationDeliveryJob } from '../platform/notifications/deliver.ts';
import { importJobRoutes } from '../platform/documents/import-jobs.routes.ts';
import { systemRoutes } from './system/index.ts';
import { accessRoutes, accountRoutes, authRoutes } from './identity/index.ts';
import { auditCheckpointJob, auditRoutes, auditVerifyJob, auditWitnessJob, publicAuditRoutes } from './audit/index.ts';
import { departmentRoutes, peopleRoutes, photoSweepJob, postRoutes } from './org/index.ts';
import { calendarRoutes } from './calendar/index.ts';
import { planRoutes } from './plan/index.ts';
import { evidenceSweepJob, planTaskRoutes, taskActionRoutes, taskRoutes, taskWarningsJob, taskWorkflowRoutes } from './tasks/index.ts';
import { notificationRoutes } from './notifications/index.ts';
import { instructionRoutes } from './instructions/index.ts';
import { deskRoutes } from './desk/index.ts';
import { enquiryRoutes, publicEnquiryRoutes } from './enquiries/index.ts';
import { timeLimitRoutes } from './time-limits/index.ts';
import { rectificationRoutes } from './rectification/index.ts';
import { publicRatingRoutes, ratingRoutes } from './ratings/index.ts';
import { badgeRoutes, publicBadgePageRoutes, publicBadgeRoutes } from './badges/index.ts';
import { plannedAbsenceJob, publicDoorBoardRoutes, whereaboutsRoutes } from './whereabouts/index.ts';
import { demandMailRoutes, demandReplyMailJob, demandRoutes, publicDemandRoutes } from './demands/index.ts';
import { demandMergeRoutes, demandRoutingRuleRoutes } from './demands/index.ts';
import { demandUrgingJob } from './demands/index.ts';
import { open311Routes, publicSolicitationRoutes, solicitationRoutes } from './demands/index.ts';
import { demandAnalysisRoutes, publicLivelihoodProjectRoutes } from './demands/index.ts';
import { dispatchDocumentRoutes, dispatchDraftJob, dispatchRoutes } from './dispatch/index.ts';
import { bulletinDocumentRoutes, bulletinRoutes } from './bulletins/index.ts';
import { experienceRoutes, monthlySummaryRequestJob, monthlySummaryRoutes, summaryDocumentRoutes } from './summaries/index.ts';

/** Every module's route plugin, registered under /api. A new module adds one line. */
export const apiModules: FastifyPluginAsyncZod[] = [
  systemRoutes,
  authRoutes,
  accessRoutes,
  accountRoutes,
  auditRoutes,
  departmentRoutes,
  peopleRoutes,
  postRoutes,
  calendarRoutes,
  planRoutes,
  planTaskRoutes,
  taskRoutes,
  taskActionRoutes,
  taskWorkflowRoutes,
  notificationRoutes,
  importJobRoutes,
  instructionRoutes,
  deskRoutes,
  enquiryRoutes,
  timeLimitRoutes,
  rectificationRoutes,
  ratingRoutes,
  badgeRoutes,
  whereaboutsRoutes,
  demandRoutes,
  demandMailRoutes,
  demandRoutingRuleRoutes,
  demandMergeRoutes,
  solicitationRoutes,
  demandAnalysisRoutes,
  dispatchRoutes,
  dispatchDocumentRoutes,
  bulletinRoutes,
  bulletinDocumentRoutes,
  monthlySummaryRoutes,
  experienceRoutes,
  summaryDocumentRoutes,
];

/** The public (no account) API's route plugins, registered under /api/public with its rate limits (platform/http/public-api.ts). */
export const publicApiModules: FastifyPluginAsyncZod[] = [
  publicEnquiryRoutes,
  publicRatingRoutes,
  publicBadgeRoutes,
  publicDoorBoardRoutes,
  publicSolicitationRoutes,
  publicDemandRoutes,
  publicLivelihoodProjectRoutes,
  publicAuditRoutes,
];

/** Public web pages answered with their data in the HTML (full paths under /p), behind the same rate limits; and Open311 (/open311/v2). */
export const publicPageModules: FastifyPluginAsync[] = [publicBadgePageRoutes, open311Routes];

/** Every job the runner knows, crons declared beside their handlers. A new job adds one line. */
export const jobDefinitions: JobDefinition<any>[] = [
  jobsHousekeepingJob,
  plannerStatisticsJob,
  notificationDeliveryJob,
  taskWarningsJob,
  evidenceSweepJob,
  photoSweepJob,
  auditCheckpointJob,
  auditWitnessJob,
  auditVerifyJob,
  plannedAbsenceJob,
  demandReplyMailJob,
  demandUrgingJob,
  dispatchDraftJob,
  monthlySummaryRequestJob,
];
