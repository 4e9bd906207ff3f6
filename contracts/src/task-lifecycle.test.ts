import { describe, expect, it } from 'vitest';
import { TASK_STEP_NEEDS, TASK_STEPS_WITH_EVIDENCE, TaskAction, type TaskStepNeeds } from './index.ts';

describe('TASK_STEP_NEEDS: what each step of the life cycle asks for', () => {
  it.each<[TaskAction, TaskStepNeeds]>([
    ['assign', {}], // 交办
    ['accept', {}], // 签收
    ['refuse', { comment: true }], // 拒收（须说明理由）
    ['report', { percent: true }], // 报送进展
    ['request_close', { evidence: true }], // 申请销号（须附佐证）
    ['approve', {}], // 部门审核通过
    ['send_back', { comment: true }], // 部门审核退回（须说明理由）
    ['close', { comment: true }], // 销号（签署意见）
    ['return', { comment: true }], // 退回重办（须说明理由）
    ['reopen', { comment: true }], // 重新打开
  ])('%s needs %j', (action, needs) => {
    expect(TASK_STEP_NEEDS[action]).toEqual(needs);
  });

  it('names every action of the contract, and nothing else', () => {
    expect(Object.keys(TASK_STEP_NEEDS).sort()).toEqual([...TaskAction.options].sort());
  });

  it('lets evidence travel with a progress report and a close-out request only, and every step that needs it is one of them', () => {
    expect([...TASK_STEPS_WITH_EVIDENCE].sort()).toEqual(['report', 'request_close']);
    for (const action of TaskAction.options)
      if (TASK_STEP_NEEDS[action].evidence) expect(TASK_STEPS_WITH_EVIDENCE, action).toContain(action);
  });
});
