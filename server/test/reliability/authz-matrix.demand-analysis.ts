import type { InjectOptions } from 'fastify';
import { systemCtx } from '../../src/bootstrap.ts';
import { shanghaiDate } from '../../src/platform/calendar/working-days.ts';
import {
  createSolicitation,
  evaluateCluster,
  markCluster,
  receiveDemand,
  recomputeDemandAnalysis,
  selectCluster,
} from '../../src/modules/demands/index.ts';
import { buildMeasure } from '../factories.ts';
import type { Expect, Row } from './authz-matrix.ts';
import { publicCaller } from './authz-matrix.enquiries.ts';
import type { RoleName, World } from './world.ts';

/**
 * The matrix rows of 汇总、分析、论证 (issue 14, item 5), spread into DEMAND_ROWS. The analysis names
 * every item of a campaign: it is read by those who see the whole picture (scope all: admin, office)
 * and recomputed, marked and evaluated with demands.evaluate; selecting and withdrawing open or leave
 * a supervised task, so they need plan.manage too — the office holds both. A department (its head,
 * its staff, the head's token) is refused. Campaigns and clusters belong to no department: no out-of-scope column.
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const WHOLE_PICTURE = E(401, 200, 200, 403, 403, 403);

const dayOffset = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let campaigns = 0;
/** An open campaign with two suggestions about the same thing, computed: its top cluster, advanced to `stage`. */
async function clusterOf(w: World, stage: 'open' | 'evaluating' | 'evaluated' | 'selected' = 'open') {
  const ctx = systemCtx(w.t.db, w.t.clock);
  const today = shanghaiDate(w.t.clock.now());
  const s = await createSolicitation(ctx, {
    title: `矩阵民生实事征集${++campaigns}`,
    description: '',
    categories: ['教育'],
    opensOn: dayOffset(today, -1),
    closesOn: dayOffset(today, 30),
  });
  for (const title of ['新城片区幼儿园学位不足', '新城再建一所公办幼儿园'])
    await receiveDemand(ctx, w.t.config, {
      kind: 'suggestion',
      channel: 'web',
      solicitationId: s.id,
      title,
      body: '新城片区公办幼儿园学位远远不够，建议再建一所公办幼儿园。',
    });
  const c = (await recomputeDemandAnalysis(ctx, s.id, {})).clusters[0]!;
  let version = c.version;
  if (stage !== 'open') version = (await markCluster(ctx, c.id, version)).version;
  if (stage === 'evaluated' || stage === 'selected')
    version = (
      await evaluateCluster(ctx, c.id, {
        estimatedCost: 1_000_000,
        feasibility: 'high',
        responsibleDepartmentId: w.deptOf('in').id,
        version,
      })
    ).version;
  if (stage === 'selected') version = (await selectCluster(ctx, c.id, await projectBody(w, version))).version;
  return { solicitationId: s.id, id: c.id, version };
}

async function projectBody(w: World, version: number) {
  const today = shanghaiDate(w.t.clock.now());
  return { measureId: (await buildMeasure(w.t)).id, title: '新建公办幼儿园', startDate: today, dueDate: dayOffset(today, 120), version };
}

const get = (url: string): InjectOptions => ({ method: 'GET', url });
const post = (url: string, payload: object): InjectOptions => ({ method: 'POST', url, payload });

export const DEMAND_ANALYSIS_ROWS: Record<string, Row> = {
  'GET /api/solicitations/:id/analysis': {
    request: async (w) => get(`/api/solicitations/${(await clusterOf(w)).solicitationId}/analysis`),
    in: WHOLE_PICTURE,
  },
  'POST /api/solicitations/:id/analysis': {
    request: async (w) => post(`/api/solicitations/${(await clusterOf(w)).solicitationId}/analysis`, { includeDemands: true }),
    in: WHOLE_PICTURE,
  },
  'GET /api/demand-clusters/:id': { request: async (w) => get(`/api/demand-clusters/${(await clusterOf(w)).id}`), in: WHOLE_PICTURE },
  'POST /api/demand-clusters/:id/mark': {
    request: async (w) => {
      const c = await clusterOf(w);
      return post(`/api/demand-clusters/${c.id}/mark`, { version: c.version });
    },
    in: WHOLE_PICTURE,
  },
  'PUT /api/demand-clusters/:id/evaluation': {
    request: async (w) => {
      const c = await clusterOf(w, 'evaluating');
      return {
        method: 'PUT',
        url: `/api/demand-clusters/${c.id}/evaluation`,
        payload: { estimatedCost: 2_000_000, feasibility: 'medium', responsibleDepartmentId: w.deptOf('in').id, version: c.version },
      };
    },
    in: WHOLE_PICTURE,
  },
  'POST /api/demand-clusters/:id/select': {
    request: async (w) => {
      const c = await clusterOf(w, 'evaluated');
      return post(`/api/demand-clusters/${c.id}/select`, await projectBody(w, c.version));
    },
    in: WHOLE_PICTURE,
  },
  'POST /api/demand-clusters/:id/withdraw': {
    request: async (w) => {
      const c = await clusterOf(w, 'selected');
      return post(`/api/demand-clusters/${c.id}/withdraw`, { reason: '规划调整', version: c.version });
    },
    in: WHOLE_PICTURE,
  },
  // the public's: no account, whatever the caller sends
  'GET /api/public/livelihood-projects': {
    request: async () => ({ ...get('/api/public/livelihood-projects'), ...publicCaller() }),
    in: E(200, 200, 200, 200, 200, 200),
  },
};
