import { describe, expect, it } from 'vitest';
import type { Task, TaskEvent } from '@qinlian/contracts';
import { ENGINES } from '../../../test/harness.ts';
import { departmentWorldOn } from './task-workflow.test-support.ts';

/**
 * Issue 12 follow-up: what the system writes on a task's history comes in both languages (`text`,
 * `textEn`), so the English console does not show Chinese; what people type stays as typed, with no
 * English of its own.
 */
describe.each(ENGINES)('task history in both languages on %s', (engine) => {
  const w = departmentWorldOn(engine);
  const ok = async (res: { statusCode: number; body: string; json: () => unknown }) => {
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Task;
  };

  it('writes 分办, 延期, 时间节点, 评定 and a lapsed request in zh-CN and en-US, and a report as typed', async () => {
    const created = await w.newTask({ milestones: [{ name: '清单初稿', dueDate: '2026-04-15' }] });
    let task = await w.step(w.office, created, 'assign');
    task = await ok(
      await w.call(w.head, 'POST', `/api/tasks/${task.id}/dispatch`, {
        version: task.version,
        postId: w.secondPost.id,
        note: '请牵头落实',
      }),
    );
    task = await w.step(w.colleague, task, 'accept');
    task = await w.step(w.colleague, task, 'report', { percent: 30, comment: '已完成清单初稿' });
    task = await ok(
      await w.call(w.colleague, 'POST', `/api/tasks/${task.id}/milestones/${task.milestones[0]!.id}/complete`, { version: task.version }),
    );
    task = await ok(
      await w.call(w.colleague, 'POST', `/api/tasks/${task.id}/extensions`, {
        version: task.version,
        dueDate: '2026-07-15',
        reason: '汛期施工受阻',
      }),
    );
    task = await ok(await w.call(w.office, 'POST', `/api/tasks/${task.id}/extensions/decision`, { version: task.version, grant: true }));
    task = await ok(
      await w.call(w.colleague, 'POST', `/api/tasks/${task.id}/extensions`, {
        version: task.version,
        dueDate: '2026-07-31',
        reason: '再延半月',
      }),
    );
    task = await w.step(w.colleague, task, 'request_close', { comment: '已办结', fileIds: [await w.upload(w.colleague)] });
    task = await w.step(w.office, task, 'close', { comment: '同意销号' });
    await ok(
      await w.call(w.office, 'PUT', `/api/tasks/${task.id}/grade`, { version: task.version, zhun: 5, kuai: 4, shi: 5, nong: 3, xian: 4 }),
    );

    const res = await w.call(w.office, 'GET', `/api/tasks/${task.id}/events`);
    expect(res.statusCode, res.body).toBe(200);
    const events = res.json().items as TaskEvent[];
    const pick = (kind: TaskEvent['kind']) => events.filter((e) => e.kind === kind).map((e) => [e.text, e.textEn]);
    const room = w.people.colleague.name;
    expect(pick('dispatch')).toEqual([
      [`分办给岗位“督查岗”（${room}）：请牵头落实`, `Dispatched to the post "督查岗" (${room}): 请牵头落实`],
    ]);
    expect(pick('report')).toEqual([['已完成清单初稿', null]]);
    expect(pick('milestone_done')).toEqual([['清单初稿（计划 2026-04-15）', '清单初稿 (planned 2026-04-15)']]);
    expect(pick('extension_request')).toEqual([
      [
        '申请将完成时限由 2026-06-30 延至 2026-07-15：汛期施工受阻',
        'Asks to move the due date from 2026-06-30 to 2026-07-15: 汛期施工受阻',
      ],
      ['申请将完成时限由 2026-07-15 延至 2026-07-31：再延半月', 'Asks to move the due date from 2026-07-15 to 2026-07-31: 再延半月'],
    ]);
    expect(pick('extension_grant')).toEqual([
      ['同意延期至 2026-07-15（原定 2026-06-30）', 'Extension to 2026-07-15 granted (originally due 2026-06-30)'],
    ]);
    expect(pick('extension_lapse')).toEqual([
      ['延至 2026-07-31 的延期申请随销号作废', 'The request to extend to 2026-07-31 lapsed when the task was closed'],
    ]);
    expect(pick('request_close')).toEqual([['已办结', null]]);
    expect(pick('grade')).toEqual([['准5 快4 实5 浓3 显4', 'Understood 5, Fast 4, Solid 5, Publicised 3, Visible effect 4']]);
  });

  it('writes a refused extension in both languages with the reason as typed', async () => {
    let task = await w.acceptedTask();
    task = await ok(
      await w.call(w.staff, 'POST', `/api/tasks/${task.id}/extensions`, {
        version: task.version,
        dueDate: '2026-07-10',
        reason: '人手不足',
      }),
    );
    await ok(
      await w.call(w.office, 'POST', `/api/tasks/${task.id}/extensions/decision`, {
        version: task.version,
        grant: false,
        comment: '请按期完成',
      }),
    );
    const events = (await w.call(w.office, 'GET', `/api/tasks/${task.id}/events`)).json().items as TaskEvent[];
    expect(events.filter((e) => e.kind === 'extension_refuse').map((e) => [e.text, e.textEn])).toEqual([
      ['不同意延期至 2026-07-10：请按期完成', 'Extension to 2026-07-10 refused: 请按期完成'],
    ]);
  });
});
