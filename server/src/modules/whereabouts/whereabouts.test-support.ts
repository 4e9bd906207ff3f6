import type { Permission, PersonWhereabouts, WhereaboutsBoard } from '@qinlian/contracts';
import type { Session, TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser } from '../../../test/factories.ts';
import { enqueueDueCrons, runDueJobs } from '../../platform/jobs/runner.ts';
import { plannedAbsenceJob } from './planned-absences.job.ts';

const READ: Permission[] = ['whereabouts.read'];
const MANAGE: Permission[] = ['whereabouts.read', 'whereabouts.manage'];
/** the A and B of 综合岗: tasks and enquiries (首问) addressed to the post reach them */
const HANDLE: Permission[] = ['whereabouts.read', 'tasks.read', 'tasks.handle', 'enquiries.handle', 'enquiries.read'];

export const MINUTE = 60_000;
/** Tests that move the clock by days keep their sessions: the idle timeout would otherwise sign everyone out. */
export const LONG_SESSIONS = { sessionIdleMinutes: 60 * 24 * 365 };
export const HOUR = 60 * MINUTE;

/**
 * A department with its head (部门负责人: title 局长, whereabouts.manage over it), a post 综合岗 whose A
 * and B hold accounts that may handle tasks, a colleague who only reads the board, a second
 * department with its own head, the office (whereabouts.manage over all, and plan.manage to assign
 * tasks), a leader (reads everything, manages nothing) and an account without whereabouts.read.
 */
export async function whereaboutsWorld(t: TestApp) {
  const dept = await buildDepartment(t);
  const other = await buildDepartment(t);
  const person = (title = '科员', departmentId = dept.id) => buildPerson(t, { departmentId, title });
  const [headPerson, aPerson, bPerson, colleaguePerson, otherHeadPerson] = [
    await person('局长'),
    await person(),
    await person(),
    await person(),
    await person('局长', other.id),
  ];
  const post = await buildPost(t, { departmentId: dept.id, name: '综合岗', aPersonId: aPerson.id, bPersonId: bPerson.id });
  const user = (permissions: Permission[], personId: string | null, dataScope: 'dept' | 'dept_and_below' | 'all' = 'dept') =>
    buildSignedInUser(t, { permissions, dataScope, personId });
  const users = {
    head: await user(MANAGE, headPerson.id, 'dept_and_below'),
    a: await user(HANDLE, aPerson.id),
    b: await user(HANDLE, bPerson.id),
    colleague: await user(READ, colleaguePerson.id),
    otherHead: await user(MANAGE, otherHeadPerson.id),
    office: await user([...MANAGE, 'tasks.read', 'plan.manage'], (await buildPerson(t)).id, 'all'),
    leader: await user(READ, (await buildPerson(t)).id, 'all'),
    noPermission: await user(['tasks.read'], (await person()).id),
  };
  type Who = keyof typeof users;
  const s = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.session])) as Record<Who, Session>;
  const people = { head: headPerson, a: aPerson, b: bPerson, colleague: colleaguePerson, otherHead: otherHeadPerson };

  return {
    dept,
    other,
    /** Move the clock to `at` and let the minute job of planned absences run there. */
    tick: (at: Date) => runAbsenceJobAt(t, at),
    post,
    people,
    s,
    /** PUT /api/whereabouts/people/:id as `who` */
    set: (who: Session, personId: string, body: Record<string, unknown>) =>
      who.request({ method: 'PUT', url: `/api/whereabouts/people/${personId}`, payload: body }),
    card: async (who: Session, personId: string) =>
      ok<PersonWhereabouts>(await who.request({ method: 'GET', url: `/api/whereabouts/people/${personId}` })),
    board: async (who: Session, departmentId = dept.id) =>
      ok<WhereaboutsBoard>(await who.request({ method: 'GET', url: `/api/whereabouts/departments/${departmentId}` })),
    /** the person's status as org keeps it (active ⇄ away follows the board) */
    status: async (personId: string) =>
      (await t.db.db.selectFrom('people').select('status').where('id', '=', personId).executeTakeFirstOrThrow()).status,
    /** An instant `ms` from the test clock's now, as a form would send it (Shanghai time). */
    at: (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString(),
  };
}

/** The body of a 200, or a failure that says what came instead. */
function ok<T>(res: { statusCode: number; body: string; json(): unknown }): T {
  if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

/** Move the test clock to `at` and let the minute job of planned absences run there, as the runner would. */
export async function runAbsenceJobAt(t: TestApp, at: Date) {
  t.clock.set(at);
  const deps = { db: t.db.db, engine: t.db.engine, clock: t.clock, config: t.config, jobs: [plannedAbsenceJob] };
  await enqueueDueCrons(deps, t.clock.now());
  return runDueJobs(deps, { instanceId: 'test' });
}

/** Inbox rows of one person about one entity (kind and title), oldest first. */
export async function inboxOf(t: TestApp, personId: string, entityId: string) {
  return t.db.db
    .selectFrom('notifications')
    .select(['kind', 'title', 'titleEn'])
    .where('personId', '=', personId)
    .where('entityId', '=', entityId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}
