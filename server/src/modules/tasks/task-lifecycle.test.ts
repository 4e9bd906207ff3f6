import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser, buildTask, setWhereaboutsOf } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(ENGINES)('task life cycle on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let handler: Session;
  let cooperator: Session;
  let outsider: Session;
  let leader: Session;
  let reader: Session;
  let lead: { id: string };
  let coop: { id: string };
  let post: { id: string; aPersonId: string | null; bPersonId: string | null };

  beforeAll(async () => {
    t = await startTestApp(engine);
    lead = await buildDepartment(t);
    coop = await buildDepartment(t);
    const other = await buildDepartment(t);
    const handlerPerson = await buildPerson(t, { departmentId: lead.id });
    post = await buildPost(t, { departmentId: lead.id, aPersonId: handlerPerson.id });
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
    handler = (await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.handle'], dataScope: 'dept', personId: handlerPerson.id }))
      .session;
    cooperator = (
      await buildSignedInUser(t, {
        permissions: ['tasks.read', 'tasks.handle'],
        dataScope: 'dept',
        personId: (await buildPerson(t, { departmentId: coop.id })).id,
      })
    ).session;
    outsider = (
      await buildSignedInUser(t, {
        permissions: ['tasks.read', 'tasks.handle', 'plan.manage', 'tasks.instruct'],
        dataScope: 'dept',
        personId: (await buildPerson(t, { departmentId: other.id })).id,
      })
    ).session;
    leader = (await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.instruct'], personId: (await buildPerson(t)).id })).session;
    reader = (await buildSignedInUser(t, { permissions: ['tasks.read'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const newTask = () => buildTask(t, { leadDepartmentId: lead.id, responsiblePostId: post.id, cooperatingDepartmentIds: [coop.id] });
  const go = (s: Session, task: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}) =>
    s.request({ method: 'POST', url: `/api/tasks/${task.id}/transition`, payload: { action, version: task.version, ...extra } });
  const upload = async (s: Session, name = 'evidence.pdf') => {
    const res = await s.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile({ filename: name, contentType: 'application/pdf', data: PDF }),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; url: string; name: string };
  };
  const step = async (
    s: Session,
    task: { id: string; version: number },
    action: string,
    extra: Record<string, unknown> = {},
  ): Promise<Task> => {
    const res = await go(s, task, action, extra);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  };

  it('runs draft → assigned → refused → assigned → accepted → in progress → close requested → returned → closed → reopened', async () => {
    let task: Task = (await office.request({ method: 'GET', url: `/api/tasks/${(await newTask()).id}` })).json();
    expect(task).toMatchObject({
      status: 'draft',
      handlerPersonId: post.aPersonId,
      abilities: { assign: true, edit: true, accept: false },
    });

    task = await step(office, task, 'assign');
    const refusedWithoutReason = await go(handler, task, 'refuse');
    expect(refusedWithoutReason.statusCode).toBe(400);
    expect(refusedWithoutReason.json().error.fields[0].path).toBe('body.comment');
    task = await step(handler, task, 'refuse', { comment: '不属于本单位职责' });
    expect(task.status).toBe('refused');
    // back with the office: it edits and re-assigns
    const edited = await office.request({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      payload: { version: task.version, statement: '明确牵头职责后重新交办' },
    });
    expect(edited.statusCode).toBe(200);
    task = await step(office, edited.json(), 'assign');

    const handlerView: Task = (await handler.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json();
    expect(handlerView.abilities).toMatchObject({ accept: true, refuse: true, assign: false, edit: false, urge: false });
    task = await step(handler, task, 'accept');
    const noPercent = await go(handler, task, 'report', { comment: '已启动' });
    expect(noPercent.json().error.fields[0].path).toBe('body.percent');
    const photo = await upload(handler, '现场照片.pdf');
    task = await step(handler, task, 'report', { percent: 40, comment: '完成方案制定', fileIds: [photo.id] });
    expect(task).toMatchObject({ status: 'in_progress', progress: 40 });
    task = await step(handler, task, 'request_close', { comment: '已全部完成' });
    expect(task.status).toBe('close_requested');

    task = await step(office, task, 'return', { comment: '佐证材料不全，请补充' });
    expect(task.status).toBe('in_progress');
    // returned: the evidence of the earlier round does not count again
    const again = await go(handler, task, 'request_close');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('evidence_required');
    const ledger = await upload(handler, '台账.pdf');
    task = await step(handler, task, 'request_close', { fileIds: [ledger.id] });
    const closeWithoutComment = await go(office, task, 'close');
    expect(closeWithoutComment.json().error.fields[0].path).toBe('body.comment');
    task = await step(office, task, 'close', { comment: '经审核，同意销号' });
    expect(task).toMatchObject({ status: 'closed', progress: 100, warning: 'none' });
    expect(task.closedAt).toBeTruthy();
    task = await step(office, task, 'reopen', { comment: '群众反映问题反弹，重新打开' });
    expect(task).toMatchObject({ status: 'in_progress', closedAt: null });

    const events = (await handler.request({ method: 'GET', url: `/api/tasks/${task.id}/events` })).json().items as {
      kind: string;
      text: string;
      files: { name: string; url: string }[];
    }[];
    expect(events.map((e) => e.kind)).toEqual([
      'create',
      'assign',
      'refuse',
      'update',
      'assign',
      'accept',
      'report',
      'request_close',
      'return',
      'request_close',
      'close',
      'reopen',
    ]);
    expect(events.find((e) => e.kind === 'report')!.files[0]).toMatchObject({ name: '现场照片.pdf', url: `/api/files/${photo.id}` });
    const audit = (await t.admin.request({ method: 'GET', url: `/api/audit?entityType=task&entityId=${task.id}&pageSize=50` })).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['task.create', 'task.assign', 'task.refuse', 'task.close', 'task.return', 'task.reopen']),
    );
    expect((await t.admin.request({ method: 'GET', url: '/api/audit/verify' })).json().ok).toBe(true);
  });

  it('answers an illegal transition with 409 and the steps this actor may take', async () => {
    const task = await newTask();
    const res = await go(office, task, 'close', { comment: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'illegal_transition', allowed: ['assign'] });
    expect(res.json().error.message).toContain('草稿');
    const assigned = await step(office, task, 'assign');
    const early = await go(handler, assigned, 'request_close');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.allowed).toEqual(['accept', 'refuse']);
    const officeView = await go(office, assigned, 'report', { percent: 10 });
    expect(officeView.json().error.allowed).toEqual([]);
  });

  it('lets each side take only its own steps: office, handling department, cooperating department, leaders', async () => {
    const task = await newTask();
    expect((await go(handler, task, 'assign')).statusCode).toBe(403);
    expect((await go(leader, task, 'assign')).statusCode).toBe(403);
    const assigned = await step(office, task, 'assign');
    expect((await go(office, assigned, 'accept')).statusCode).toBe(403);
    expect((await go(office, assigned, 'refuse', { comment: 'x' })).statusCode).toBe(403);
    expect((await go(cooperator, assigned, 'accept')).statusCode).toBe(403); // sees it, may not sign for it
    expect((await go(reader, assigned, 'accept')).statusCode).toBe(403);
    const accepted = await step(handler, assigned, 'accept');
    expect((await go(office, accepted, 'report', { percent: 50 })).statusCode).toBe(403);
    expect((await go(leader, accepted, 'report', { percent: 50 })).statusCode).toBe(403);
    const file = await upload(handler);
    const reported = await step(handler, accepted, 'report', { percent: 100, fileIds: [file.id] });
    expect((await go(office, reported, 'request_close')).statusCode).toBe(403);
    const requested = await step(handler, reported, 'request_close');
    expect((await go(handler, requested, 'close', { comment: '自己销号' })).statusCode).toBe(403);
    expect((await go(handler, requested, 'return', { comment: 'x' })).statusCode).toBe(403);
    const closed = await step(office, requested, 'close', { comment: '同意销号' });
    expect((await go(handler, closed, 'reopen', { comment: 'x' })).statusCode).toBe(403);
    // creating and editing are the office's
    expect(
      (
        await handler.request({
          method: 'POST',
          url: '/api/tasks',
          payload: { measureId: task.measureId, title: 'x', leadDepartmentId: lead.id, startDate: '2026-03-02', dueDate: '2026-03-31' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await handler.request({ method: 'PATCH', url: `/api/tasks/${closed.id}`, payload: { version: closed.version, title: 'x' } }))
        .statusCode,
    ).toBe(403);
    const notEditable = await office.request({
      method: 'PATCH',
      url: `/api/tasks/${closed.id}`,
      payload: { version: closed.version, title: 'x' },
    });
    expect(notEditable.statusCode).toBe(409);
    expect(notEditable.json().error.code).toBe('task_not_editable');
  });

  it('lets the office keep the plan, and nobody else', async () => {
    const body = { name: '专项计划', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31' };
    expect((await handler.request({ method: 'POST', url: '/api/plans', payload: body })).statusCode).toBe(403);
    expect((await leader.request({ method: 'POST', url: '/api/plans', payload: body })).statusCode).toBe(403);
    const plan = await office.request({ method: 'POST', url: '/api/plans', payload: body });
    expect(plan.statusCode).toBe(201);
    const reversed = await office.request({
      method: 'POST',
      url: '/api/plans',
      payload: { ...body, name: '倒序计划', endDate: '2025-12-31' },
    });
    expect(reversed.json().error.fields[0].path).toBe('body.endDate');
    const programme = { planId: plan.json().id, code: 'GC9', name: '监管强化工程' };
    expect((await handler.request({ method: 'POST', url: '/api/plan/programmes', payload: programme })).statusCode).toBe(403);
    const made = await office.request({ method: 'POST', url: '/api/plan/programmes', payload: programme });
    expect(made.statusCode).toBe(201);
    expect((await office.request({ method: 'POST', url: '/api/plan/programmes', payload: programme })).statusCode).toBe(409);
    const measure = { programmeId: made.json().id, code: 'JC99', name: '抽查工作台账' };
    expect((await handler.request({ method: 'POST', url: '/api/plan/measures', payload: measure })).statusCode).toBe(403);
    expect((await office.request({ method: 'POST', url: '/api/plan/measures', payload: measure })).statusCode).toBe(201);
    expect((await handler.request({ method: 'PATCH', url: `/api/plans/${plan.json().id}`, payload: { name: 'x' } })).statusCode).toBe(403);
    const renamed = await office.request({
      method: 'PATCH',
      url: `/api/plan/programmes/${made.json().id}`,
      payload: { name: '监管强化工程（调整）', weight: 3, version: 1 },
    });
    expect(renamed.json()).toMatchObject({ name: '监管强化工程（调整）', weight: 3, version: 2 });
    expect(
      (await office.request({ method: 'PATCH', url: `/api/plan/programmes/${made.json().id}`, payload: { name: 'y', version: 1 } }))
        .statusCode,
    ).toBe(409);
    for (const s of [handler, leader, reader])
      expect((await s.request({ method: 'GET', url: `/api/plans/${plan.json().id}/rollup` })).statusCode).toBe(200);
    const noTasks = (await buildSignedInUser(t, { permissions: ['org.read'] })).session;
    expect((await noTasks.request({ method: 'GET', url: '/api/plans' })).statusCode).toBe(403);
    expect((await noTasks.request({ method: 'GET', url: '/api/tasks' })).statusCode).toBe(403);
  });

  it('hides tasks from departments out of scope (404 on read and on every action)', async () => {
    const task = await step(office, await newTask(), 'assign');
    expect((await cooperator.request({ method: 'GET', url: `/api/tasks/${task.id}` })).statusCode).toBe(200);
    for (const res of [
      await outsider.request({ method: 'GET', url: `/api/tasks/${task.id}` }),
      await outsider.request({ method: 'GET', url: `/api/tasks/${task.id}/events` }),
      await go(outsider, task, 'accept'),
      await outsider.request({ method: 'POST', url: `/api/tasks/${task.id}/urge`, payload: { message: '请加快' } }),
      await outsider.request({ method: 'POST', url: `/api/tasks/${task.id}/instructions`, payload: { text: '抓紧' } }),
    ])
      expect(res.statusCode).toBe(404);
    const list = (await outsider.request({ method: 'GET', url: '/api/tasks?pageSize=200' })).json();
    expect(list.items.map((x: Task) => x.id)).not.toContain(task.id);
  });

  it('refuses a stale version with 409 version_conflict, and nothing changes', async () => {
    const task = await newTask();
    await step(office, task, 'assign');
    const stale = await go(office, task, 'assign');
    expect(stale.statusCode).toBe(409); // already assigned: not a step from there any more
    const current: Task = (await office.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json();
    const edit = await office.request({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      payload: { version: current.version - 1, title: '改名' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('version_conflict');
    const accept = await go(handler, { id: task.id, version: current.version - 1 }, 'accept');
    expect(accept.json().error.code).toBe('version_conflict');
    expect((await office.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json()).toMatchObject({
      status: 'assigned',
      version: current.version,
    });
  });

  it('shows the B holder as handler while A is away (AB岗), without rewriting the task', async () => {
    const task = await newTask();
    expect((await office.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json().handlerPersonId).toBe(post.aPersonId);
    await setWhereaboutsOf(t, post.aPersonId!, 'leave');
    const seen: Task = (await office.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json();
    expect(seen).toMatchObject({ handlerPersonId: post.bPersonId, version: task.version });
    await setWhereaboutsOf(t, post.aPersonId!, 'in_office');
  });

  it("urges (office) and records leaders' instructions (批示), notifying the handler", async () => {
    const task = await step(office, await newTask(), 'assign');
    expect((await handler.request({ method: 'POST', url: `/api/tasks/${task.id}/urge`, payload: { message: '请加快' } })).statusCode).toBe(
      403,
    );
    expect(
      (await office.request({ method: 'POST', url: `/api/tasks/${task.id}/instructions`, payload: { text: '抓紧' } })).statusCode,
    ).toBe(403);
    const urged = await office.request({ method: 'POST', url: `/api/tasks/${task.id}/urge`, payload: { message: '请于本周五前报送进展' } });
    expect(urged.statusCode).toBe(201);
    expect(urged.json()).toMatchObject({ kind: 'urge', text: '请于本周五前报送进展' });
    const instructed = await leader.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/instructions`,
      payload: { text: '此事关系群众切身利益，务必按期办结' },
    });
    expect(instructed.statusCode).toBe(201);
    const inbox = (await handler.request({ method: 'GET', url: '/api/inbox' })).json();
    const kinds = inbox.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['task.urge', 'task.instruct']));
    const draft = await newTask();
    expect((await office.request({ method: 'POST', url: `/api/tasks/${draft.id}/urge`, payload: { message: 'x' } })).statusCode).toBe(409);
  });

  it('lets the office grade (准快实浓显) with a version, and nobody else', async () => {
    const task = await step(office, await newTask(), 'assign');
    const grade = { zhun: 5, kuai: 4, shi: 5, nong: 3, xian: null };
    expect(
      (await handler.request({ method: 'PUT', url: `/api/tasks/${task.id}/grade`, payload: { ...grade, version: task.version } }))
        .statusCode,
    ).toBe(403);
    const res = await office.request({ method: 'PUT', url: `/api/tasks/${task.id}/grade`, payload: { ...grade, version: task.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json().grade).toEqual(grade);
    expect(
      (await office.request({ method: 'PUT', url: `/api/tasks/${task.id}/grade`, payload: { ...grade, version: task.version } })).json()
        .error.code,
    ).toBe('version_conflict');
  });

  it('serves evidence to the uploader and to those who see the task, 404 to others', async () => {
    const task = await step(handler, await step(office, await newTask(), 'assign'), 'accept');
    const file = await upload(handler, '../../etc/passwd.pdf');
    expect(file.name).toBe('passwd.pdf');
    const stranger = await outsider.request({ method: 'GET', url: file.url });
    expect(stranger.statusCode).toBe(404);
    expect((await office.request({ method: 'GET', url: file.url })).statusCode).toBe(404); // not attached to anything yet
    // someone else's upload cannot be attached
    const mine = await upload(office);
    const foreign = await go(handler, task, 'report', { percent: 10, fileIds: [mine.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].path).toBe('body.fileIds.0');
    await step(handler, task, 'report', { percent: 10, fileIds: [file.id] });
    const got = await office.request({ method: 'GET', url: file.url });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect((await cooperator.request({ method: 'GET', url: file.url })).statusCode).toBe(200);
    expect((await outsider.request({ method: 'GET', url: file.url })).statusCode).toBe(404);
  });
});
