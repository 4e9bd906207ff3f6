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
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { signedIn } from '../../platform/policy/policy.ts';
import { taskPolicy } from './tasks.policy.ts';
import { dispatchTask } from './task-dispatch.service.ts';
import { decideExtension, requestExtension } from './task-extension.service.ts';
import { reportShare } from './task-cooperation.service.ts';
import { setDepartmentReview } from './task-review.service.ts';
import { taskStepRoute } from './task-step-route.ts';

/** The department's own steps: 分办, 延期申请 and its approval, 协办报送, and who reviews (部门审核). Each answers the task. */
export const taskWorkflowRoutes: FastifyPluginAsyncZod = async (app) => {
  taskStepRoute(app, '/tasks/:id/dispatch', {
    policy: taskPolicy.route('handle'),
    summary: '分办：牵头部门负责人把任务交给本部门的岗位（AB岗）或人员，记入分办记录并通知承办人',
    params: IdParams,
    body: DispatchBody,
    run: (ctx, { id }, body) => dispatchTask(ctx, id, body),
  });

  taskStepRoute(app, '/tasks/:id/extensions', {
    policy: taskPolicy.route('handle'),
    summary: '延期申请：承办部门提出新的完成时限和理由（须晚于当前时限、不早于今天、在计划期间内），通知办公室',
    params: IdParams,
    body: ExtensionRequestBody,
    run: (ctx, { id }, body) => requestExtension(ctx, id, body),
  });

  taskStepRoute(app, '/tasks/:id/extensions/decision', {
    policy: taskPolicy.route('office'),
    summary: '延期审批：办公室同意（完成时限改为申请的日期，保留原定时限）或不同意（须说明理由）',
    params: IdParams,
    body: ExtensionDecisionBody,
    run: (ctx, { id }, body) => decideExtension(ctx, id, body),
  });

  taskStepRoute(app, '/tasks/:id/cooperation/:departmentId/report', {
    policy: taskPolicy.route('handle'),
    summary: '协办报送：配合部门报送本部门子项的进度，汇入任务进度',
    params: ShareParams,
    body: ShareReportBody,
    run: (ctx, { id, departmentId }, body) => reportShare(ctx, id, departmentId, body),
  });

  app.put(
    '/tasks/department-review/:id',
    {
      // the office over the department, or the department's own head: the service decides
      config: { policy: signedIn },
      schema: {
        tags: ['tasks'],
        summary: '部门审核开关：开启后，本部门工作人员报送的进展和销号申请先经部门负责人审核',
        params: IdParams,
        body: DepartmentReviewBody,
        response: { 200: DepartmentReview },
      },
    },
    async (req) => setDepartmentReview(ctxOf(req), req.params.id, req.body.review),
  );
};
