import { describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES } from '../../../test/harness.ts';
import { departmentWorldOn } from './task-workflow.test-support.ts';

/** 协办: each cooperating department's sub-item of a task, its own progress and report, rolled up into the task's. */
describe.each(ENGINES)('cooperating departments on %s', (engine) => {
  const w = departmentWorldOn(engine);

  const share = (s: typeof w.office, task: { id: string; version: number }, departmentId: string, percent: number, comment = '') =>
    w.call(s, 'POST', `/api/tasks/${task.id}/cooperation/${departmentId}/report`, { version: task.version, percent, comment });

  it('lets a cooperating department report on its own sub-item only, rolling it up into the task', async () => {
    const assigned = await w.step(w.office, await w.newTask({ cooperatingDepartmentIds: [w.coop.id] }), 'assign');
    expect(assigned.cooperation).toEqual([
      {
        departmentId: w.coop.id,
        departmentName: w.coop.name,
        progress: 0,
        reportText: '',
        reportedAt: null,
        reportedByName: null,
        abilities: { report: false },
      },
    ]);
    const early = await share(w.cooperator, assigned, w.coop.id, 10);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('share_not_open');

    let task = await w.step(w.staff, assigned, 'accept');
    task = await w.step(w.staff, task, 'report', { percent: 80 });
    expect(task.progress).toBe(80); // no sub-item reported yet: the lead's report speaks for the task
    const seen = await w.get(w.cooperator, task.id);
    expect(seen.cooperation[0]!.abilities.report).toBe(true);
    expect(seen.abilities).toMatchObject({ report: false, request_extension: false, milestones: false });
    expect((await w.get(w.staff, task.id)).cooperation[0]!.abilities.report).toBe(false);

    const res = await share(w.cooperator, task, w.coop.id, 40, '已完成配合部分的现场核查');
    expect(res.statusCode, res.body).toBe(200);
    task = res.json() as Task;
    expect(task.progress).toBe(60); // the lead counts as much as the cooperators: (80 + 40) / 2
    expect(task.cooperation[0]).toMatchObject({ progress: 40, reportText: '已完成配合部分的现场核查', reportedAt: expect.any(String) });
    task = await w.step(w.staff, task, 'report', { percent: 100 });
    expect(task.progress).toBe(70);

    const events = (await w.call(w.staff, 'GET', `/api/tasks/${task.id}/events`)).json().items as {
      kind: string;
      text: string;
      percent: number;
    }[];
    expect(events.find((e) => e.kind === 'share_report')).toMatchObject({
      text: `【${w.coop.name}】已完成配合部分的现场核查`,
      percent: 40,
    });
    expect(await w.auditActions('task', task.id)).toContain('task.report_share');

    // the cooperating department sees the task in its own lists
    const mine = (await w.call(w.cooperator, 'GET', '/api/tasks?view=my_department&pageSize=200')).json().items as Task[];
    expect(mine.map((x) => x.id)).toContain(task.id);
  });

  it('refuses anyone else: the lead department, the office, a stale version, a department not cooperating, or one out of sight', async () => {
    const task = await w.acceptedTask({ cooperatingDepartmentIds: [w.coop.id] });
    const cases: [string, Promise<{ statusCode: number; json(): { error: { code: string } } }>, number, string][] = [
      ['the lead department on the sub-item', share(w.staff, task, w.coop.id, 50), 403, 'forbidden'],
      ['the head of the lead department', share(w.head, task, w.coop.id, 50), 403, 'forbidden'],
      ['the office (no tasks.handle)', share(w.office, task, w.coop.id, 50), 403, 'forbidden'],
      ['the cooperator on the lead department', share(w.cooperator, task, w.lead.id, 50), 404, 'not_found'],
      ['a department out of sight', share(w.outsider, task, w.coop.id, 50), 404, 'not_found'],
      ['a stale version', share(w.cooperator, { id: task.id, version: task.version - 1 }, w.coop.id, 50), 409, 'version_conflict'],
      ['the task steps themselves', w.go(w.cooperator, task, 'report', { percent: 50 }), 403, 'forbidden'],
    ];
    for (const [what, res, status, code] of cases) {
      const r = await res;
      expect(r.statusCode, what).toBe(status);
      expect(r.json().error.code, what).toBe(code);
    }
    expect((await w.get(w.staff, task.id)).cooperation[0]!.progress).toBe(0);
  });

  it('adds and removes sub-items as the office edits the cooperating departments', async () => {
    const extra = w.other;
    const draft = await w.newTask({ cooperatingDepartmentIds: [w.coop.id] });
    const edited = await w.call(w.office, 'PATCH', `/api/tasks/${draft.id}`, {
      version: draft.version,
      cooperatingDepartmentIds: [w.coop.id, extra.id],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as Task).cooperation.map((c) => c.departmentId).sort()).toEqual([w.coop.id, extra.id].sort());
    const trimmed = await w.call(w.office, 'PATCH', `/api/tasks/${draft.id}`, {
      version: edited.json().version,
      cooperatingDepartmentIds: [extra.id],
    });
    expect((trimmed.json() as Task).cooperation.map((c) => c.departmentId)).toEqual([extra.id]);
  });
});
