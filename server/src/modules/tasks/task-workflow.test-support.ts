import { afterAll, beforeAll, expect } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { signIn, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildDepartment,
  buildMeasure,
  buildPerson,
  buildPlan,
  buildPost,
  buildProgramme,
  buildSignedInUser,
  buildTask,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import type { Engine } from '../../platform/db/database.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const handle = ['tasks.read', 'tasks.handle'] as const;

/**
 * A lead department with a head (部门负责人: the holder of its post “局长”), two of its staff (one on
 * the task's responsible post, one who sees only their own tasks), a cooperating department, the
 * office, and the HTTP steps the department's own workflow tests take. Tasks run 2026-03-02 …
 * 2026-06-30 in a 2026 plan unless told.
 */
export async function departmentWorld(t: TestApp) {
  const plan = await buildPlan(t);
  const measure = await buildMeasure(t, { programmeId: (await buildProgramme(t, { planId: plan.id })).id });
  const lead = await buildDepartment(t);
  const coop = await buildDepartment(t);
  const other = await buildDepartment(t);
  const headPerson = await buildPerson(t, { departmentId: lead.id, title: '局长' });
  await buildPost(t, { departmentId: lead.id, name: '局长', aPersonId: headPerson.id, bPersonId: null });
  const staffPerson = await buildPerson(t, { departmentId: lead.id });
  const colleaguePerson = await buildPerson(t, { departmentId: lead.id });
  const post = await buildPost(t, { departmentId: lead.id, name: '综合岗', aPersonId: staffPerson.id, bPersonId: null });
  const secondPost = await buildPost(t, { departmentId: lead.id, name: '督查岗', aPersonId: colleaguePerson.id, bPersonId: null });
  const outsiderPerson = await buildPerson(t, { departmentId: other.id });
  const users = {
    office: await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'], personId: (await buildPerson(t)).id }),
    backfiller: await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage', 'tasks.backfill'] }),
    head: await buildSignedInUser(t, { permissions: [...handle], dataScope: 'dept_and_below', personId: headPerson.id }),
    staff: await buildSignedInUser(t, { permissions: [...handle], dataScope: 'dept', personId: staffPerson.id }),
    colleague: await buildSignedInUser(t, { permissions: [...handle], dataScope: 'self', personId: colleaguePerson.id }),
    cooperator: await buildSignedInUser(t, {
      permissions: [...handle],
      dataScope: 'dept',
      personId: (await buildPerson(t, { departmentId: coop.id })).id,
    }),
    outsider: await buildSignedInUser(t, {
      permissions: ['tasks.read', 'tasks.handle', 'plan.manage'],
      dataScope: 'dept',
      personId: outsiderPerson.id,
    }),
  };
  type Who = keyof typeof users;
  const sessions = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.session])) as Record<Who, Session>;

  const newTask = (overrides: Parameters<typeof buildTask>[1] = {}) =>
    buildTask(t, { measureId: measure.id, leadDepartmentId: lead.id, responsiblePostId: post.id, ...overrides });
  const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
    s.request({ method, url, payload });
  const go = (s: Session, task: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}) =>
    call(s, 'POST', `/api/tasks/${task.id}/transition`, { action, version: task.version, ...extra });
  /** a step that must succeed, answering the task */
  const step = async (s: Session, task: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}) => {
    const res = await go(s, task, action, extra);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json() as Task;
  };
  const get = async (s: Session, id: string) => {
    const res = await call(s, 'GET', `/api/tasks/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Task;
  };
  const upload = async (s: Session) => {
    const res = await s.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile({ filename: '台账.pdf', contentType: 'application/pdf', data: PDF }),
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  /** the kinds of the notices a session holds about a task, oldest first */
  const noticeKinds = async (s: Session, taskId: string) => {
    const res = await call(s, 'GET', '/api/inbox?pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { kind: string; entityId: string | null }[])
      .filter((i) => i.entityId === taskId)
      .reverse()
      .map((i) => i.kind);
  };
  /** the actions the audit log holds for one record, oldest first (read by the administrator) */
  const auditActions = async (entityType: string, entityId: string) => {
    const res = await t.admin.request({ method: 'GET', url: `/api/audit?entityType=${entityType}&entityId=${entityId}&pageSize=50` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { action: string }[]).map((a) => a.action);
  };
  /** a task the staff member has accepted */
  const acceptedTask = async (overrides: Parameters<typeof buildTask>[1] = {}) =>
    step(world.staff, await step(world.office, await newTask(overrides), 'assign'), 'accept');

  const world = {
    plan,
    measure,
    lead,
    coop,
    other,
    post,
    secondPost,
    people: { head: headPerson, staff: staffPerson, colleague: colleaguePerson, outsider: outsiderPerson },
    ...sessions,
    newTask,
    acceptedTask,
    call,
    go,
    step,
    get,
    upload,
    noticeKinds,
    auditActions,
    /** sign everyone in again: after the clock moved past the idle timeout (on the object it is called on: see departmentWorldOn) */
    async signInAgain() {
      for (const [k, u] of Object.entries(users)) this[k as Who] = await signIn(t.app, u.user.username, TEST_PASSWORD);
    },
  };
  return world;
}

/**
 * The world of one describe block on one engine: the app started and the world built before its
 * tests, the app closed after them. The object is filled in `beforeAll`, so read it in tests and hooks only.
 */
export function departmentWorldOn(engine: Engine) {
  const w = {} as Awaited<ReturnType<typeof departmentWorld>> & { t: TestApp };
  beforeAll(async () => {
    const t = await startTestApp(engine);
    Object.assign(w, await departmentWorld(t), { t });
  });
  afterAll(async () => {
    await w.t.close();
  });
  return w;
}
