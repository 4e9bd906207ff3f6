import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardQuery, type Board } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildMeasure, buildPerson, buildPost, buildSignedInUser, buildTask } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { transitionTask } from './task-actions.service.ts';
import type { TaskCreateBody } from '@qinlian/contracts';

/** 挂牌作战 wall: the most urgent tagged items, with counts and a total that cover all of them. */
describe.each(ENGINES)('tag-and-fight board on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  beforeAll(async () => {
    t = await startTestApp(engine);
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A tagged task of the measure, assigned (so it takes a colour) unless `draft`; today is Mon 2 March 2026. */
  const tagged = async (measureId: string, departmentId: string, dueDate: string, opts: { draft?: boolean; startDate?: string } = {}) => {
    const post = await buildPost(t, { departmentId });
    const body: Partial<TaskCreateBody> = {
      measureId,
      leadDepartmentId: departmentId,
      responsiblePostId: post.id,
      startDate: opts.startDate ?? '2026-03-02',
      dueDate,
      tagged: true,
    };
    const row = await buildTask(t, body);
    return opts.draft ? row : transitionTask(systemCtx(t.db, t.clock), row.id, { action: 'assign', version: row.version });
  };
  const board = async (s: Session, qs: string) => {
    const res = await s.request({ method: 'GET', url: `/api/tasks/board?${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Board;
  };

  it('shows the most urgent first, up to the limit, and counts every tagged item but drafts', async () => {
    const measure = await buildMeasure(t);
    const dept = (await buildDepartment(t)).id;
    const red = await tagged(measure.id, dept, '2026-02-27', { startDate: '2026-02-02' });
    const yellowSooner = await tagged(measure.id, dept, '2026-03-03');
    const yellowLater = await tagged(measure.id, dept, '2026-03-04');
    const blue = await tagged(measure.id, dept, '2026-03-06', { startDate: '2026-03-05' }); // not started: not behind schedule
    await tagged(measure.id, dept, '2026-06-30');
    const draft = await tagged(measure.id, dept, '2026-03-03', { draft: true }); // due soon: it would rank near the top
    await buildTask(t, { measureId: measure.id, leadDepartmentId: dept, responsiblePostId: null }); // not tagged

    const q = `programmeId=${measure.programmeId}`;
    const all = await board(office, q);
    expect(all.items.map((i) => [i.id, i.warning])).toEqual([
      [red.id, 'red'],
      [yellowSooner.id, 'yellow'],
      [yellowLater.id, 'yellow'],
      [blue.id, 'blue'],
      [expect.any(String), 'none'],
    ]);
    expect(all).toMatchObject({ total: 5, truncated: false });
    expect(all.items.map((i) => i.id)).not.toContain(draft.id);

    const wall = await board(office, `${q}&limit=3`);
    expect(wall.items.map((i) => i.id)).toEqual([red.id, yellowSooner.id, yellowLater.id]);
    expect(wall).toMatchObject({ total: 5, truncated: true });
    expect(wall.counts.byWarning).toEqual({ red: 1, yellow: 2, blue: 1, none: 1 });
    expect(wall.counts.byStatus).toMatchObject({ assigned: 5, draft: 0 }); // the draft is in the office's list, not on the wall
  });

  it('shows a newly tagged item and a change of status at once (answers are kept until a write commits)', async () => {
    const measure = await buildMeasure(t);
    const dept = (await buildDepartment(t)).id;
    const first = await tagged(measure.id, dept, '2026-03-04');
    const q = `programmeId=${measure.programmeId}`;
    expect((await board(office, q)).items.map((i) => i.id)).toEqual([first.id]);
    // a draft on an existing post: one task write and nothing else (no new post or person)
    const second = await buildTask(t, {
      measureId: measure.id,
      leadDepartmentId: dept,
      responsiblePostId: first.responsiblePostId,
      startDate: '2026-03-02',
      dueDate: '2026-03-03',
      tagged: true,
    });
    expect((await board(office, q)).items.map((i) => i.id)).toEqual([first.id]); // a draft is not on the board
    await transitionTask(systemCtx(t.db, t.clock), second.id, { action: 'assign', version: second.version });
    expect((await board(office, q)).items.map((i) => i.id).sort()).toEqual([first.id, second.id].sort());
    await transitionTask(systemCtx(t.db, t.clock), first.id, { action: 'accept', version: first.version });
    const after = await board(office, q);
    expect(after.items.find((i) => i.id === first.id)?.status).toBe('accepted');
    expect(after.counts.byStatus).toMatchObject({ draft: 0, assigned: 1, accepted: 1 });
  });

  it('counts only what a scoped actor may see, beyond the page too', async () => {
    const measure = await buildMeasure(t);
    const mine = await buildDepartment(t);
    const other = (await buildDepartment(t)).id;
    const person = await buildPerson(t, { departmentId: mine.id });
    const staff = (await buildSignedInUser(t, { permissions: ['tasks.read'], dataScope: 'dept', personId: person.id })).session;
    const red = await tagged(measure.id, mine.id, '2026-02-27', { startDate: '2026-02-02' });
    await tagged(measure.id, mine.id, '2026-03-04');
    await tagged(measure.id, mine.id, '2026-06-30');
    await tagged(measure.id, other, '2026-02-27', { startDate: '2026-02-02' }); // out of scope
    await tagged(measure.id, mine.id, '2026-02-27', { draft: true, startDate: '2026-02-02' }); // in scope, but a draft

    const wall = await board(staff, `programmeId=${measure.programmeId}&limit=1`);
    expect(wall.items.map((i) => i.id)).toEqual([red.id]);
    expect(wall).toMatchObject({ total: 3, truncated: true });
    expect(wall.counts.byWarning).toEqual({ red: 1, yellow: 1, blue: 0, none: 1 });
  });

  it('takes 200 items unless told, and refuses a limit outside 1–500', async () => {
    expect(BoardQuery.parse({}).limit).toBe(200);
    for (const limit of [0, 501, 'many']) {
      const res = await office.request({ method: 'GET', url: `/api/tasks/board?limit=${limit}` });
      expect(res.statusCode, String(limit)).toBe(400);
      expect(res.json().error.fields[0].path).toBe('querystring.limit');
    }
    expect((await office.request({ method: 'GET', url: '/api/tasks/board?limit=500' })).statusCode).toBe(200);
  });
});
