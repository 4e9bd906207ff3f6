import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandAnalysis, DemandCluster, DemandClusterDetail, PublicLivelihoodProjects } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildMeasure, buildSignedInUser } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { createSolicitation, receiveDemand, recomputeDemandAnalysis } from './index.ts';

/** 论证与遴选 through the real app: marking, evaluating, selecting into a supervised task, withdrawing, and the public page. */
describe.each(ENGINES)('evaluation and selection of livelihood projects on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let leader: Session;
  let staff: Session;
  let departmentId: string;
  let measureId: string;
  let caller = 0;

  beforeAll(async () => {
    t = await startTestApp(engine);
    office = (
      await buildSignedInUser(t, { permissions: ['demands.read', 'demands.dispatch', 'demands.evaluate', 'plan.manage', 'tasks.read'] })
    ).session;
    leader = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.evaluate', 'tasks.read'] })).session;
    staff = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.handle'], dataScope: 'dept' })).session;
    departmentId = (await buildDepartment(t, { name: '社会事务局' })).id;
    measureId = (await buildMeasure(t)).id;
  });
  afterAll(() => t.close());

  const ctx = () => systemCtx({ ...t.db }, t.clock);
  let campaigns = 0;
  /** A campaign of its own per test, with two clusters (kindergartens: 2 people, canteens: 1), computed. */
  async function clusters(): Promise<[DemandCluster, DemandCluster]> {
    const s = await createSolicitation(ctx(), {
      title: `2027年民生实事项目征集${++campaigns}`,
      description: '',
      categories: ['教育'],
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
    });
    // each from a person of their own: the analysis counts distinct submitters
    let caller = 0;
    const suggest = (title: string, body: string) =>
      receiveDemand(ctx(), t.config, {
        kind: 'suggestion',
        channel: 'web',
        solicitationId: s.id,
        title,
        body,
        phone: `1391234567${caller++}`,
        name: '王五',
      });
    await suggest('新城片区幼儿园学位不足', '新城片区只有一所公办幼儿园，学位远远不够，建议再建一所公办幼儿园。');
    await suggest('新城再建一所公办幼儿园', '新城片区孩子上公办幼儿园太难，学位紧张，建议新建公办幼儿园。');
    await suggest('社区开办老年食堂', '建议在幸福社区开办老年食堂，解决独居老人吃饭难的问题。');
    const a: DemandAnalysis = await recomputeDemandAnalysis(ctx(), s.id, {});
    return [a.clusters[0]!, a.clusters[1]!];
  }
  const post = (who: Session, id: string, step: string, payload: object) =>
    who.request({ method: 'POST', url: `/api/demand-clusters/${id}/${step}`, payload });
  const evaluate = (who: Session, id: string, payload: object) =>
    who.request({ method: 'PUT', url: `/api/demand-clusters/${id}/evaluation`, payload });
  const cluster = async (id: string) =>
    (await office.request({ method: 'GET', url: `/api/demand-clusters/${id}` })).json() as DemandClusterDetail;
  const taskCount = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('tasks')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const project = (version: number, over: object = {}) => ({
    measureId,
    title: '新城片区新建公办幼儿园',
    startDate: '2026-03-02',
    dueDate: '2026-11-30',
    version,
    ...over,
  });
  const evaluation = (version: number, over: object = {}) => ({
    estimatedCost: 12_000_000,
    feasibility: 'high',
    feasibilityNote: '已有规划用地',
    responsibleDepartmentId: departmentId,
    version,
    ...over,
  });
  /** Marked and evaluated by the leadership group: the cluster as it now stands. */
  async function evaluated(c: DemandCluster) {
    const marked = (await post(leader, c.id, 'mark', { version: c.version })).json() as DemandClusterDetail;
    const res = await evaluate(leader, c.id, evaluation(marked.version));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as DemandClusterDetail;
  }
  const publicProjects = (year?: number) => {
    caller += 1;
    return t.app.inject({
      method: 'GET',
      url: `/api/public/livelihood-projects${year ? `?year=${year}` : ''}`,
      remoteAddress: `198.51.100.${caller}`,
      headers: { 'x-device-id': `projects-${engine}-${caller}`.padEnd(20, '0') },
    });
  };

  it('marks a cluster for evaluation once, and records the evaluation only on a marked cluster', async () => {
    const [c] = await clusters();
    const early = await evaluate(leader, c.id, evaluation(c.version));
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'demand_cluster_not_marked',
      message: '请先把这个议题列入论证，再录入估算投资、可行性和责任部门',
    });
    const marked = await post(leader, c.id, 'mark', { version: c.version });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ status: 'evaluating', version: 2, abilities: { evaluate: true, mark: false, select: false } });
    const again = await post(leader, c.id, 'mark', { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('这个议题目前“论证中”，已经在论证流程中，无需再次列入');
    expect((await post(leader, c.id, 'mark', { version: 1 })).statusCode).toBe(409);

    const ok = await evaluate(leader, c.id, evaluation(2));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'evaluated',
      estimatedCost: 12_000_000,
      feasibility: 'high',
      feasibilityNote: '已有规划用地',
      responsibleDepartmentName: '社会事务局',
      evaluatedByName: expect.any(String),
      version: 3,
    });
    // revisable until selected
    expect((await evaluate(leader, c.id, evaluation(3, { estimatedCost: 9_000_000, feasibility: 'medium' }))).json()).toMatchObject({
      estimatedCost: 9_000_000,
      feasibility: 'medium',
      version: 4,
    });
  });

  it('refuses a negative or fractional cost and an unknown department in zh-CN, writing nothing', async () => {
    const [c] = await clusters();
    const marked = (await post(leader, c.id, 'mark', { version: c.version })).json() as DemandClusterDetail;
    const negative = await evaluate(leader, c.id, evaluation(marked.version, { estimatedCost: -1 }));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields).toEqual([{ path: 'body.estimatedCost', message: '不能小于 0' }]);
    const fraction = await evaluate(leader, c.id, evaluation(marked.version, { estimatedCost: 12.5 }));
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().error.fields).toEqual([{ path: 'body.estimatedCost', message: '类型应为整数' }]);
    const unknown = await evaluate(leader, c.id, evaluation(marked.version, { responsibleDepartmentId: 'no-such-department' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'demand_cluster_department_unknown',
      message: '所选责任部门不存在或已撤销，请重新选择',
      fields: [{ path: 'body.responsibleDepartmentId', message: '所选责任部门不存在或已撤销，请重新选择' }],
    });
    expect(await cluster(c.id)).toMatchObject({ status: 'evaluating', estimatedCost: null, responsibleDepartmentId: null, version: 2 });
    const audited = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', c.id).execute();
    expect(audited.map((e) => e.action)).toEqual(['demand_cluster.mark']);
  });

  it('selects an evaluated cluster into exactly one supervised task, never twice, and never an unevaluated one', async () => {
    const [c, other] = await clusters();
    const tasksBefore = await taskCount();
    const markedOther = (await post(leader, other.id, 'mark', { version: other.version })).json() as DemandClusterDetail;
    const unevaluated = await post(office, other.id, 'select', project(markedOther.version));
    expect(unevaluated.statusCode).toBe(409);
    expect(unevaluated.json().error.message).toBe('这个议题还没有完成论证（估算投资、可行性、责任部门），不能列为民生实事项目');

    const ready = await evaluated(c);
    expect(ready.abilities).toMatchObject({ select: false }); // the leader evaluates; selecting opens a task: the office's
    expect((await post(leader, c.id, 'select', project(ready.version))).statusCode).toBe(403);
    const backwards = await post(office, c.id, 'select', project(ready.version, { dueDate: '2026-03-01' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toBe('完成时限（2026-03-01）不能早于开始日期（2026-03-02）');
    const noMeasure = await post(office, c.id, 'select', project(ready.version, { measureId: 'no-such-measure' }));
    expect(noMeasure.statusCode).toBe(400);
    expect(noMeasure.json().error.fields[0].path).toBe('body.measureId');
    expect(await cluster(c.id)).toMatchObject({ status: 'evaluated', taskId: null, version: ready.version });
    expect(await taskCount()).toBe(tasksBefore);

    const selected = await post(office, c.id, 'select', project(ready.version));
    expect(selected.statusCode, selected.body).toBe(200);
    const s = selected.json() as DemandClusterDetail;
    expect(s).toMatchObject({ status: 'selected', projectTitle: '新城片区新建公办幼儿园', projectYear: 2026, version: ready.version + 1 });
    expect(s.taskCode).toBeTruthy();
    expect(await taskCount()).toBe(tasksBefore + 1);
    const task = (await t.db.db.selectFrom('tasks').selectAll().where('id', '=', s.taskId!).executeTakeFirstOrThrow())!;
    expect(task).toMatchObject({
      title: '新城片区新建公办幼儿园',
      leadDepartmentId: departmentId,
      measureId,
      status: 'draft',
      dueDate: '2026-11-30',
    });
    expect(task.statement).toContain('2 人提出');

    const twice = await post(office, c.id, 'select', project(s.version));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: 'demand_cluster_already_selected',
      message: `这个议题已列为 2026 年民生实事项目（督办任务 ${s.taskCode}），不能重复遴选`,
    });
    expect(await taskCount()).toBe(tasksBefore + 1);
    const actions = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', c.id).orderBy('seq').execute();
    expect(actions.map((e) => e.action)).toEqual(['demand_cluster.mark', 'demand_cluster.evaluate', 'demand_cluster.select']);
    expect(await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', s.taskId!).execute()).toEqual([
      { action: 'task.create' },
    ]);
  });

  it('shows the year’s projects on the public page without anyone’s personal data, and a withdrawn one with its reason', async () => {
    const [c] = await clusters();
    const ready = await evaluated(c);
    const s = (await post(office, c.id, 'select', project(ready.version, { title: '幸福社区老年食堂' }))).json() as DemandClusterDetail;

    const page = await publicProjects(2026);
    expect(page.statusCode).toBe(200);
    const body = page.json() as PublicLivelihoodProjects;
    expect(body.year).toBe(2026);
    expect(body.years).toContain(2026);
    expect(body.items.find((p) => p.id === c.id)).toEqual({
      id: c.id,
      title: '幸福社区老年食堂',
      label: c.label,
      people: 2,
      categories: [],
      departmentName: '社会事务局',
      estimatedCost: 12_000_000,
      stage: 'preparing',
      progress: 0,
      startDate: '2026-03-02',
      dueDate: '2026-11-30',
      withdrawnReason: null,
    });
    for (const personal of ['13912345670', '139****5670', '王五', '王*', ready.evaluatedByName!]) expect(page.body).not.toContain(personal);
    expect(((await publicProjects()).json() as PublicLivelihoodProjects).year).toBe(2026);
    expect(((await publicProjects(2030)).json() as PublicLivelihoodProjects).items).toEqual([]);
    expect((await publicProjects(1999)).statusCode).toBe(400);

    const silent = await post(office, c.id, 'withdraw', { reason: '', version: s.version });
    expect(silent.statusCode).toBe(400);
    expect((await post(leader, c.id, 'withdraw', { reason: '用地调整', version: s.version })).statusCode).toBe(403);
    const withdrawn = await post(office, c.id, 'withdraw', { reason: '规划用地调整，并入明年计划', version: s.version });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '规划用地调整，并入明年计划', taskId: s.taskId });
    const after = ((await publicProjects(2026)).json() as PublicLivelihoodProjects).items.find((p) => p.id === c.id);
    expect(after).toMatchObject({ stage: 'withdrawn', withdrawnReason: '规划用地调整，并入明年计划' });
    const reselect = await post(office, c.id, 'select', project(s.version + 1));
    expect(reselect.statusCode).toBe(409);
    expect(reselect.json().error.code).toBe('demand_cluster_withdrawn');
    const notSelected = await post(office, (await clusters())[0].id, 'withdraw', { reason: '不再实施', version: 1 });
    expect(notSelected.json().error.code).toBe('demand_cluster_not_selected');
  });

  it('refuses the steps to a department without demands.evaluate', async () => {
    const [c] = await clusters();
    expect((await post(staff, c.id, 'mark', { version: c.version })).statusCode).toBe(403);
    expect((await evaluate(staff, c.id, evaluation(c.version))).statusCode).toBe(403);
    expect((await post(staff, c.id, 'select', project(c.version))).statusCode).toBe(403);
    expect((await staff.request({ method: 'GET', url: `/api/demand-clusters/${c.id}` })).statusCode).toBe(403);
    expect((await cluster(c.id)).version).toBe(c.version);
  });
});
