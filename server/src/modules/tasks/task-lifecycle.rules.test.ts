import { describe, expect, it } from 'vitest';
import { TaskAction, TaskStatus } from '@qinlian/contracts';
import {
  ACTION_LABELS,
  allowedActions,
  EDITABLE,
  isOpen,
  MILESTONES_OPEN,
  STATUS_LABELS,
  transitionFor,
  TRANSITIONS,
  type Side,
} from './task-lifecycle.ts';

/** The sides an actor may hold on a task: none, either, or both (an administrator). */
const SIDES: Record<'nobody' | 'office' | 'handler' | 'both', ReadonlySet<Side>> = {
  nobody: new Set(),
  office: new Set(['office']),
  handler: new Set(['handler']),
  both: new Set(['office', 'handler']),
};

/** status, side → the steps it may take, in the order the 409 answer lists them */
const STEPS: [TaskStatus, keyof typeof SIDES, TaskAction[]][] = [
  ['draft', 'office', ['assign']], // 交办
  ['draft', 'handler', []],
  ['draft', 'both', ['assign']],
  ['draft', 'nobody', []],
  ['assigned', 'office', []],
  ['assigned', 'handler', ['accept', 'refuse']], // 签收 / 拒收
  ['assigned', 'both', ['accept', 'refuse']],
  ['assigned', 'nobody', []],
  ['accepted', 'office', []],
  ['accepted', 'handler', ['report']], // 首次报送进展
  ['accepted', 'both', ['report']],
  ['accepted', 'nobody', []],
  ['refused', 'office', ['assign']], // 修改后重新交办
  ['refused', 'handler', []],
  ['refused', 'both', ['assign']],
  ['refused', 'nobody', []],
  ['in_progress', 'office', []],
  ['in_progress', 'handler', ['report', 'request_close']], // 报送进展 / 申请销号
  ['in_progress', 'both', ['report', 'request_close']],
  ['in_progress', 'nobody', []],
  ['close_requested', 'office', ['close', 'return']], // 销号 / 退回重办
  ['close_requested', 'handler', []],
  ['close_requested', 'both', ['close', 'return']],
  ['close_requested', 'nobody', []],
  ['closed', 'office', ['reopen']], // 重新打开
  ['closed', 'handler', []],
  ['closed', 'both', ['reopen']],
  ['closed', 'nobody', []],
];

describe('allowedActions: which steps each side may take from each status', () => {
  it.each(STEPS)('%s, %s → %j', (status, side, actions) => {
    expect(allowedActions(status, SIDES[side])).toEqual(actions);
  });

  it('has a row for every status of the contract and every side', () => {
    const rows = STEPS.map(([status, side]) => `${status}:${side}`);
    const wanted = TaskStatus.options.flatMap((s) => Object.keys(SIDES).map((side) => `${s}:${side}`));
    expect(rows.sort()).toEqual(wanted.sort());
  });
});

describe('transitionFor: where each step leads', () => {
  it.each<[TaskStatus, TaskAction, TaskStatus]>([
    ['draft', 'assign', 'assigned'],
    ['refused', 'assign', 'assigned'],
    ['assigned', 'accept', 'accepted'],
    ['assigned', 'refuse', 'refused'],
    ['accepted', 'report', 'in_progress'],
    ['in_progress', 'report', 'in_progress'],
    ['in_progress', 'request_close', 'close_requested'],
    ['close_requested', 'close', 'closed'],
    ['close_requested', 'return', 'in_progress'],
    ['closed', 'reopen', 'in_progress'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(transitionFor(from, action)?.to).toBe(to);
  });

  it('knows no other step: every other status × action pair is undefined', () => {
    const legal = new Set(TRANSITIONS.map((t) => `${t.from}:${t.action}`));
    expect(legal.size).toBe(10);
    const illegal = TaskStatus.options
      .flatMap((s) => TaskAction.options.map((a) => [s, a] as const))
      .filter(([s, a]) => !legal.has(`${s}:${a}`));
    expect(illegal).toHaveLength(7 * 8 - 10);
    for (const [s, a] of illegal) expect(transitionFor(s, a), `${s} ${a}`).toBeUndefined();
  });
});

describe('what each status allows besides steps', () => {
  it.each<[TaskStatus, { editable: boolean; milestones: boolean; open: boolean }]>([
    ['draft', { editable: true, milestones: false, open: true }],
    ['assigned', { editable: true, milestones: false, open: true }],
    ['accepted', { editable: false, milestones: true, open: true }],
    ['refused', { editable: true, milestones: false, open: true }],
    ['in_progress', { editable: false, milestones: true, open: true }],
    ['close_requested', { editable: false, milestones: false, open: true }],
    ['closed', { editable: false, milestones: false, open: false }],
  ])('%s → %j', (status, expected) => {
    expect({ editable: EDITABLE.has(status), milestones: MILESTONES_OPEN.has(status), open: isOpen(status) }).toEqual(expected);
  });
});

describe('labels', () => {
  it('name every status and every action in zh-CN and en-US', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...TaskStatus.options].sort());
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...TaskAction.options].sort());
    for (const label of [...Object.values(STATUS_LABELS), ...Object.values(ACTION_LABELS)]) {
      expect(label.zh).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/^[a-z -]+$/);
    }
  });
});
