import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { DemandAnalysis, DemandClusterDetail, Rollup, SolicitationList, type DemandCluster } from '@qinlian/contracts';
import { fails, ok } from '../../test/fakeApi.ts';
import { signedIn } from '../../test/fixtures.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { DemandAnalysisPage } from './DemandAnalysisPage.tsx';

// antd's first render of a whole page is slow on a busy two-core machine
configure({ asyncUtilTimeout: 5000 });

const CAMPAIGN = '0190f0a0-0000-7000-8000-0000000000a1';
const CLUSTER = '0190f0a0-0000-7000-8000-0000000000c1';
const DEPT = '0190f0a0-0000-7000-8000-0000000000d1';
const PLAN = '0190f0a0-0000-7000-8000-0000000000e1';
const MEASURE = '0190f0a0-0000-7000-8000-0000000000e3';

const campaigns = ok(SolicitationList, {
  items: [
    {
      id: CAMPAIGN,
      code: '7KQ3MZ8RXH2W5',
      title: '2027年民生实事项目征集',
      description: '',
      categories: ['教育'],
      opensOn: '2026-11-18',
      closesOn: '2026-12-16',
      open: true,
      publicPath: '/p/s/7KQ3MZ8RXH2W5',
      submissions: 47,
      version: 1,
    },
  ],
});

const cluster = (over: Partial<DemandCluster> = {}): DemandCluster => ({
  id: CLUSTER,
  rank: 1,
  label: '幼儿园、公办、学位',
  headline: '新城片区幼儿园学位不足',
  status: 'open',
  people: 6,
  items: 4,
  urgent: 1,
  topWords: [
    { word: '幼儿园', weight: 6 },
    { word: '学位', weight: 5 },
  ],
  categories: [{ name: '教育', people: 6 }],
  estimatedCost: null,
  feasibility: null,
  responsibleDepartmentId: null,
  responsibleDepartmentName: null,
  projectTitle: null,
  projectYear: null,
  taskId: null,
  version: 1,
  abilities: { mark: true, evaluate: false, select: false, withdraw: false },
  ...over,
});

const analysis = (clusters: DemandCluster[]) =>
  ok(DemandAnalysis, {
    solicitation: { id: CAMPAIGN, title: '2027年民生实事项目征集', opensOn: '2026-11-18', closesOn: '2026-12-16' },
    computedAt: '2026-12-07T01:00:00.000Z',
    computedByName: '办公室主任',
    from: null,
    to: null,
    includeDemands: false,
    newSince: true,
    totals: { items: 9, people: 12, urgent: 1, clusters: 5 },
    clusters,
    words: [
      { word: '幼儿园', weight: 6 },
      { word: '食堂', weight: 3 },
    ],
    byCategory: [{ key: '教育', label: '教育', people: 6, items: 4, urgent: 0 }],
    byArea: [{ key: '', label: '', people: 12, items: 9, urgent: 1 }],
    byWeek: [{ key: '2026-W49', label: '2026-11-30', people: 12, items: 9, urgent: 1 }],
    abilities: { recompute: true, evaluate: true, select: true },
  });

const detail = (over: Partial<DemandClusterDetail> = {}) =>
  ok(DemandClusterDetail, {
    ...cluster(),
    solicitationId: CAMPAIGN,
    members: [
      {
        id: '0190f0a0-0000-7000-8000-0000000000f1',
        code: '7KQ3-MZ8R-XH2W-5',
        kind: 'suggestion',
        title: '新城片区幼儿园学位不足',
        status: 'received',
        category: '教育',
        area: '永修组团',
        urgent: false,
        people: 3,
        createdAt: '2026-12-01T01:00:00.000Z',
      },
    ],
    feasibilityNote: null,
    markedAt: null,
    markedByName: null,
    evaluatedAt: null,
    evaluatedByName: null,
    selectedAt: null,
    selectedByName: null,
    taskCode: null,
    withdrawnAt: null,
    withdrawnByName: null,
    withdrawnReason: null,
    ...over,
  });

const open = (path = '/demands/analysis') =>
  renderWithApp(
    <Routes>
      <Route path="/demands/analysis" element={<DemandAnalysisPage />} />
    </Routes>,
    { path },
  );

/** jsdom draws no canvas: a context that takes every call, so the charts mount as in a browser. */
function canvasStandIn() {
  const store: Record<string | symbol, unknown> = { measureText: (s: string) => ({ width: s.length * 7 }) };
  const context: object = new Proxy(
    {},
    {
      get: (_, p) => (p in store ? store[p] : p === 'then' ? undefined : () => context),
      set: (_, p, v) => {
        store[p] = v;
        return true;
      },
    },
  );
  return vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => context as never);
}

describe('汇总分析与论证', () => {
  let canvas: ReturnType<typeof canvasStandIn>;
  beforeEach(() => {
    canvas = canvasStandIn();
  });
  afterEach(() => canvas.mockRestore());

  it('shows the campaign’s clusters by rank with the figures and the word cloud, and recomputes on request', async () => {
    const api = signedIn(['demands.read', 'demands.evaluate'])
      .on('GET', '/api/solicitations', () => campaigns)
      .on('GET', `/api/solicitations/${CAMPAIGN}/analysis`, () => analysis([cluster()]))
      .on('POST', `/api/solicitations/${CAMPAIGN}/analysis`, () => analysis([cluster()]));
    open();
    const row = await screen.findByTestId('cluster-row');
    expect(row.textContent).toContain('幼儿园、公办、学位');
    expect(row.textContent).toContain('新城片区幼儿园学位不足');
    expect(within(screen.getByTestId('analysis-people')).getByText('12')).toBeTruthy();
    expect(screen.getByTestId('analysis-new-since')).toBeTruthy();
    expect(screen.getByTestId('analysis-computed').textContent).toContain('办公室主任');
    expect(screen.getAllByTestId('analysis-word').map((w) => w.textContent)).toEqual(['幼儿园', '食堂']);
    expect(screen.getByText('显示前 1 个议题及论证中的议题，共 5 个')).toBeTruthy();

    await userEvent.click(screen.getByTestId('analysis-recompute'));
    await userEvent.click(await screen.findByTestId('recompute-include-demands'));
    await userEvent.click(screen.getByTestId('recompute-ok'));
    await waitFor(() => expect(api.calls('POST', `/api/solicitations/${CAMPAIGN}/analysis`)).toHaveLength(1));
    expect(api.calls('POST', `/api/solicitations/${CAMPAIGN}/analysis`)[0]!.body).toEqual({ includeDemands: true });
  });

  it('opens a cluster with its items (no submitter), marks it, and shows the server’s refusal of an evaluation beside its field', async () => {
    const evaluated = {
      status: 'evaluated' as const,
      estimatedCost: 38_000_000,
      feasibility: 'high' as const,
      responsibleDepartmentId: DEPT,
      responsibleDepartmentName: '社会事务局',
      version: 3,
      abilities: { mark: false, evaluate: true, select: false, withdraw: false },
    };
    const api = signedIn(['demands.read', 'demands.evaluate'])
      .on('GET', '/api/solicitations', () => campaigns)
      .on('GET', `/api/solicitations/${CAMPAIGN}/analysis`, () => analysis([cluster()]))
      .on('GET', `/api/demand-clusters/${CLUSTER}`, () => detail())
      .on('POST', `/api/demand-clusters/${CLUSTER}/mark`, () => detail(evaluated))
      .on('PUT', `/api/demand-clusters/${CLUSTER}/evaluation`, () =>
        fails(400, 'validation_failed', '请求数据不正确', [{ path: 'body.estimatedCost', message: '不能大于 999999999999' }]),
      );
    open(`/demands/analysis?cluster=${CLUSTER}`);
    const drawer = await screen.findByTestId('cluster-drawer');
    const member = await within(drawer).findByTestId('cluster-member');
    expect(member.textContent).toContain('永修组团');
    expect(member.textContent).toContain('含并单 3 人');

    await userEvent.click(within(drawer).getByTestId('cluster-mark'));
    await userEvent.click(await screen.findByRole('button', { name: '确 定' }));
    await waitFor(() => expect(api.calls('POST', `/api/demand-clusters/${CLUSTER}/mark`)[0]?.body).toEqual({ version: 1 }));
    expect((await within(drawer).findByTestId('cluster-evaluation')).textContent).toContain('3,800 万元');
    // the leader evaluates; selecting opens a task, the office's
    expect(within(drawer).getByText('列为民生实事项目会在督查督办中建立任务，由领导小组办公室（计划管理权限）操作')).toBeTruthy();

    await userEvent.click(within(drawer).getByTestId('cluster-evaluate'));
    const cost = within(drawer).getByTestId('evaluation-cost');
    await userEvent.clear(cost);
    await userEvent.type(cost, '42000000');
    await userEvent.click(within(drawer).getByTestId('evaluation-save'));
    await waitFor(() =>
      expect(api.calls('PUT', `/api/demand-clusters/${CLUSTER}/evaluation`)[0]?.body).toEqual({
        version: 3,
        estimatedCost: 42_000_000,
        feasibility: 'high',
        feasibilityNote: '',
        responsibleDepartmentId: DEPT,
      }),
    );
    expect(await within(drawer).findByText('不能大于 999999999999')).toBeTruthy();
  });

  it('selects an evaluated cluster as a project under a measure of the current plan', async () => {
    const ready = {
      status: 'evaluated' as const,
      estimatedCost: 38_000_000,
      feasibility: 'high' as const,
      responsibleDepartmentId: DEPT,
      responsibleDepartmentName: '社会事务局',
      version: 3,
      abilities: { mark: false, evaluate: true, select: true, withdraw: false },
    };
    const colours = { none: 0, blue: 0, yellow: 0, red: 0 };
    const api = signedIn(['demands.read', 'demands.evaluate', 'plan.manage', 'tasks.read'])
      .on('GET', '/api/solicitations', () => campaigns)
      .on('GET', `/api/solicitations/${CAMPAIGN}/analysis`, () => analysis([cluster(ready)]))
      .on('GET', `/api/demand-clusters/${CLUSTER}`, () => detail(ready))
      .on('GET', '/api/plans', () => ({
        body: {
          items: [{ id: PLAN, name: '2026年行动', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31', thresholds: {}, version: 1 }],
        },
      }))
      .on('GET', `/api/plans/${PLAN}/rollup`, () =>
        ok(Rollup, {
          planId: PLAN,
          progress: 0,
          taskCount: 0,
          colours,
          closedLate: 0,
          programmes: [
            {
              id: '0190f0a0-0000-7000-8000-0000000000e2',
              planId: PLAN,
              code: 'GC2',
              name: '服务创优工程',
              sort: 1,
              weight: 1,
              leaderPersonId: null,
              leaderName: null,
              progress: 0,
              taskCount: 0,
              colours,
              version: 1,
              closedLate: 0,
              measures: [
                {
                  id: MEASURE,
                  programmeId: '0190f0a0-0000-7000-8000-0000000000e2',
                  code: 'JC04',
                  name: '推行首问负责制',
                  sort: 1,
                  weight: 1,
                  progress: 0,
                  taskCount: 0,
                  colours,
                  version: 1,
                  closedLate: 0,
                },
              ],
            },
          ],
        }),
      )
      .on('POST', `/api/demand-clusters/${CLUSTER}/select`, () =>
        detail({ ...ready, status: 'selected', taskId: '0190f0a0-0000-7000-8000-0000000000t1', taskCode: 'JC04-03', projectYear: 2026 }),
      );
    open(`/demands/analysis?cluster=${CLUSTER}`);
    const drawer = await screen.findByTestId('cluster-drawer');
    await userEvent.click(await within(drawer).findByTestId('cluster-select'));
    // the measures come with the plan's figures: the picker opens once they are here
    await waitFor(() => expect(screen.getByTestId('select-project-measure').className).not.toContain('ant-select-disabled'));
    const measure = screen.getByTestId('select-project-measure');
    fireEvent.mouseDown(measure.querySelector('.ant-select-selector') ?? measure);
    await userEvent.click(await screen.findByText('JC04 推行首问负责制'));
    await userEvent.click(screen.getByTestId('select-project-ok'));
    await waitFor(() => expect(api.calls('POST', `/api/demand-clusters/${CLUSTER}/select`)).toHaveLength(1));
    expect(api.calls('POST', `/api/demand-clusters/${CLUSTER}/select`)[0]!.body).toMatchObject({
      version: 3,
      measureId: MEASURE,
      title: '新城片区幼儿园学位不足',
      dueDate: '2026-12-31',
    });
    expect(await within(drawer).findByTestId('cluster-task-link')).toBeTruthy();
  });
});
