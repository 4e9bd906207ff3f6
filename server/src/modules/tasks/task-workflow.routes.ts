import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DepartmentReview,
  DepartmentReviewBody,
  DispatchBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  IdParams,
  ShareParams,
  ShareReportBody,
  Task,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { signedIn } from '../../platform/policy/policy.ts';
import { taskPolicy } from './tasks.policy.ts';
import { dispatchTask } from './task-dispatch.service.ts';
import { decideExtension, requestExtension } from './task-extension.service.ts';
import { reportShare } from './task-cooperation.service.ts';
import { setDepartmentReview } from './task-review.service.ts';
import { taskDetail } from './task-detail.service.ts';
import { presentTask } from './tasks.presenter.ts';
import type { TaskRow } from './tasks.repo.ts';

const tags = ['tasks'];

/** The department's own steps: 分办, 延期申请 and its approval, 协办报送, and who reviews (部门审核). Each answers the task. */
export const taskWorkflowRoutes: FastifyPluginAsyncZod = async (app) => {
  const presentOne = async (req: Parameters<typeof ctxOf>[0], row: TaskRow) => presentTask(req.actor!, await taskDetail(ctxOf(req), row));

  app.post(
    '/tasks/:id/dispatch',
    {
      config: { policy: taskPolicy.route('handle') },
      schema: {
        tags,
        summary: '分办：牵头部门负责人把任务交给本部门的岗位（AB岗）或人员，记入分办记录并通知承办人',
        params: IdParams,
        body: DispatchBody,
        response: { 200: Task },
      },
    },
    async (req) => presentOne(req, await dispatchTask(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/tasks/:id/extensions',
    {
      config: { policy: taskPolicy.route('handle') },
      schema: {
        tags,
        summary: '延期申请：承办部门提出新的完成时限和理由（须晚于当前时限、不早于今天、在计划期间内），通知办公室',
        params: IdParams,
        body: ExtensionRequestBody,
        response: { 200: Task },
      },
    },
    async (req) => presentOne(req, await requestExtension(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/tasks/:id/extensions/decision',
    {
      config: { policy: taskPolicy.route('office') },
      schema: {
        tags,
        summary: '延期审批：办公室同意（完成时限改为申请的日期，保留原定时限）或不同意（须说明理由）',
        params: IdParams,
        body: ExtensionDecisionBody,
        response: { 200: Task },
      },
    },
    async (req) => presentOne(req, await decideExtension(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/tasks/:id/cooperation/:departmentId/report',
    {
      config: { policy: taskPolicy.route('handle') },
      schema: {
        tags,
        summary: '协办报送：配合部门报送本部门子项的进度，汇入任务进度',
        params: ShareParams,
        body: ShareReportBody,
        response: { 200: Task },
      },
    },
    async (req) => presentOne(req, await reportShare(ctxOf(req), req.params.id, req.params.departmentId, req.body)),
  );

  app.put(
    '/tasks/department-review/:id',
    {
      // the office over the department, or the department's own head: the service decides
      config: { policy: signedIn },
      schema: {
        tags,
        summary: '部门审核开关：开启后，本部门工作人员报送的进展和销号申请先经部门负责人审核',
        params: IdParams,
        body: DepartmentReviewBody,
        response: { 200: DepartmentReview },
      },
    },
    async (req) => setDepartmentReview(ctxOf(req), req.params.id, req.body.review),
  );
};
