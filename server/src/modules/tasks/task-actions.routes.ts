import fs from 'node:fs';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EvidenceFile,
  GradeBody,
  IdParams,
  MilestoneDoneBody,
  MilestoneParams,
  TaskEvent,
  TaskTransitionBody,
  UrgeBody,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { readUpload } from '../../platform/http/upload.ts';
import { signedIn } from '../../platform/policy/policy.ts';
import { servedAs } from './evidence.repo.ts';
import { taskPolicy } from './tasks.policy.ts';
import { gradeTask, transitionTask, urgeTask } from './task-actions.service.ts';
import { markMilestone } from './task-milestones.service.ts';
import { presentEvent, presentFile } from './tasks.presenter.ts';
import { taskStepRoute } from './task-step-route.ts';
import { evidenceForDownload, uploadEvidence } from './evidence.service.ts';
import { allowSameOriginFraming, attachment } from '../../platform/http/download.ts';

const tags = ['tasks'];
/** Urgings carry text only. (批示 on a task: modules/instructions, POST /tasks/:id/instructions.) */
const NO_FILES = new Map();

/** The life cycle and the office's actions on a task; evidence files. (Leaders' 批示: modules/instructions.) */
export const taskActionRoutes: FastifyPluginAsyncZod = async (app) => {
  taskStepRoute(app, '/tasks/:id/transition', {
    // either side may call it (office: plan.manage; department: tasks.handle); the service decides per step
    policy: signedIn,
    summary: '流转：交办、签收、拒收、报送进展、申请销号、部门审核通过/退回、销号、退回重办、重新打开（非法流转返回 409 及可执行操作）',
    params: IdParams,
    body: TaskTransitionBody,
    run: (ctx, { id }, body) => transitionTask(ctx, id, body),
  });

  app.post(
    '/tasks/:id/urge',
    {
      config: { policy: taskPolicy.route('office') },
      schema: { tags, summary: '催办（通知承办人并记录）', params: IdParams, body: UrgeBody, response: { 201: TaskEvent } },
    },
    async (req, reply) => reply.status(201).send(presentEvent(await urgeTask(ctxOf(req), req.params.id, req.body.message), NO_FILES)),
  );

  taskStepRoute(app, '/tasks/:id/grade', {
    method: 'PUT',
    policy: taskPolicy.route('office'),
    summary: '五字要求评定（准 快 实 浓 显）',
    params: IdParams,
    body: GradeBody,
    run: (ctx, { id }, body) => gradeTask(ctx, id, body),
  });

  // either side may mark a milestone (the handling department or the office); the service decides by the task
  taskStepRoute(app, '/tasks/:id/milestones/:milestoneId/complete', {
    policy: signedIn,
    summary: '时间节点完成（已签收或推进中；记录完成时间和标记人）',
    params: MilestoneParams,
    body: MilestoneDoneBody,
    run: (ctx, { id, milestoneId }, { version }) => markMilestone(ctx, id, milestoneId, { version, done: true }),
  });

  taskStepRoute(app, '/tasks/:id/milestones/:milestoneId/reopen', {
    policy: signedIn,
    summary: '撤销时间节点完成（误标时）',
    params: MilestoneParams,
    body: MilestoneDoneBody,
    run: (ctx, { id, milestoneId }, { version }) => markMilestone(ctx, id, milestoneId, { version, done: false }),
  });

  app.post(
    '/files',
    {
      config: { policy: taskPolicy.route('read') },
      schema: {
        tags,
        summary: '上传佐证材料（multipart 字段 file；超过上限返回 413）',
        consumes: ['multipart/form-data'],
        response: { 201: EvidenceFile },
      },
    },
    async (req, reply) => {
      const { bytes, filename, mimetype } = await readUpload(req);
      return reply
        .status(201)
        .send(presentFile(await uploadEvidence(ctxOf(req), { bytes, filename, mimetype, dataDir: req.server.config.dataDir })));
    },
  );

  app.get(
    '/files/:id',
    {
      config: { policy: taskPolicy.route('read') },
      schema: {
        tags,
        summary: '下载佐证材料（上传人，或可查看引用它的任务者）',
        params: IdParams,
        querystring: z.object({ inline: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (req, reply) => {
      const { row, path } = await evidenceForDownload(ctxOf(req), req.params.id, req.server.config.dataDir);
      const stream = await fs.promises
        .open(path)
        .then((h) => h.createReadStream())
        .catch(() => null);
      if (!stream) return reply.callNotFound();
      // ?inline=true is a wish: only images and PDF are ever shown in the browser.
      const served = servedAs(row.mime);
      const disposition = req.query.inline === 'true' && served.inline ? 'inline' : 'attachment';
      if (disposition === 'inline') allowSameOriginFraming(reply);
      const ascii = row.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .type(served.mime)
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', attachment(row.name, ascii).replace(/^attachment/, disposition))
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
};
