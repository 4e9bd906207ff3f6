import { describe, expect, it } from 'vitest';
import { TaskAction, TaskStatus, TaskStep } from '@qinlian/contracts';
import {
  ACTION_LABELS,
  allowedActions,
  destinationOf,
  EDITABLE,
  isOpen,
  MILESTONES_OPEN,
  STATUS_LABELS,
  statusesFor,
  transitionFor,
  TRANSITIONS,
  UNDER_REVIEW,
  type Side,
  type Step,
} from './task-lifecycle.ts';

/** The sides an actor may hold on a task. A department head is also of the handling department; an administrator holds all. */
const SIDES: Record<'nobody' | 'office' | 'handler' | 'head' | 'cooperator' | 'all', ReadonlySet<Side>> = {
  nobody: new Set(),
  office: new Set(['office']),
  handler: new Set(['handler']),
  head: new Set(['handler', 'head']),
  cooperator: new Set(['cooperator']),
  all: new Set(['office', 'handler', 'head', 'cooperator']),
};
type Who = keyof typeof SIDES;

/** status → side → the steps it may take, in the order the 409 answer lists them (sides not named: none) */
const STEPS: Record<TaskStatus, Partial<Record<Who, Step[]>>> = {
  draft: { office: ['assign'], all: ['assign'] }, // 交办
  assigned: {
    handler: ['accept', 'refuse'], // 签收 / 拒收
    head: ['accept', 'refuse', 'dispatch'], // … / 分办
    all: ['accept', 'refuse', 'dispatch'],
  },
  accepted: {
    office: ['decide_extension'], // 延期审批
    handler: ['report', 'request_extension'], // 首次报送进展 / 延期申请
    head: ['report', 'dispatch', 'request_extension'],
    cooperator: ['report_share'], // 协办报送
    all: ['report', 'dispatch', 'request_extension', 'decide_extension', 'report_share'],
  },
  refused: { office: ['assign'], all: ['assign'] }, // 修改后重新交办
  in_progress: {
    office: ['decide_extension'],
    handler: ['report', 'request_close', 'request_extension'], // 报送进展 / 申请销号 / 延期申请
    head: ['report', 'request_close', 'dispatch', 'request_extension'],
    cooperator: ['report_share'],
    all: ['report', 'request_close', 'dispatch', 'request_extension', 'decide_extension', 'report_share'],
  },
  report_review: {
    office: ['decide_extension'],
    handler: ['request_extension'],
    head: ['approve', 'send_back', 'request_extension'], // 部门审核通过 / 退回
    cooperator: ['report_share'],
    all: ['approve', 'send_back', 'request_extension', 'decide_extension', 'report_share'],
  },
  close_review: {
    office: ['decide_extension'],
    head: ['approve', 'send_back'],
    all: ['approve', 'send_back', 'decide_extension'],
  },
  close_requested: { office: ['close', 'return', 'decide_extension'], all: ['close', 'return', 'decide_extension'] }, // 销号 / 退回重办
  closed: { office: ['reopen'], all: ['reopen'] }, // 重新打开
};

const ROWS = TaskStatus.options.flatMap((status) =>
  (Object.keys(SIDES) as Who[]).map((who) => [status, who, STEPS[status][who] ?? []] as [TaskStatus, Who, Step[]]),
);

describe('allowedActions: which steps each side may take from each status', () => {
  it.each(ROWS)('%s, %s → %j', (status, who, actions) => {
    expect(allowedActions(status, SIDES[who])).toEqual(actions);
  });

  it('covers every status of the contract and every side', () => {
    expect(ROWS).toHaveLength(TaskStatus.options.length * Object.keys(SIDES).length);
  });

  it('leaves nobody without a step: each status but a draft or a refusal waits on some side', () => {
    for (const status of TaskStatus.options) expect(allowedActions(status, SIDES.all).length, status).toBeGreaterThan(0);
  });
});

describe('transitionFor and destinationOf: where each step leads', () => {
  const plain = { reviewed: false };
  const reviewed = { reviewed: true };
  it.each<[TaskStatus, Step, { reviewed: boolean; submittedFrom?: TaskStatus }, TaskStatus]>([
    ['draft', 'assign', plain, 'assigned'],
    ['refused', 'assign', plain, 'assigned'],
    ['assigned', 'accept', plain, 'accepted'],
    ['assigned', 'refuse', plain, 'refused'],
    ['accepted', 'report', plain, 'in_progress'],
    ['accepted', 'report', reviewed, 'report_review'], // 部门审核: waits for the head
    ['in_progress', 'report', plain, 'in_progress'],
    ['in_progress', 'report', reviewed, 'report_review'],
    ['in_progress', 'request_close', plain, 'close_requested'],
    ['in_progress', 'request_close', reviewed, 'close_review'],
    ['report_review', 'approve', plain, 'in_progress'],
    ['report_review', 'send_back', { reviewed: false, submittedFrom: 'accepted' }, 'accepted'], // back where it came from
    ['report_review', 'send_back', { reviewed: false, submittedFrom: 'in_progress' }, 'in_progress'],
    ['close_review', 'approve', plain, 'close_requested'], // on to the office
    ['close_review', 'send_back', plain, 'in_progress'],
    ['close_requested', 'close', plain, 'closed'],
    ['close_requested', 'return', plain, 'in_progress'],
    ['closed', 'reopen', plain, 'in_progress'],
    ['assigned', 'dispatch', plain, 'assigned'], // 分办 keeps the status
    ['in_progress', 'request_extension', plain, 'in_progress'],
    ['close_requested', 'decide_extension', plain, 'close_requested'],
    ['report_review', 'report_share', plain, 'report_review'],
  ])('%s --%s (%j)--> %s', (from, action, opts, to) => {
    const t = transitionFor(from, action);
    expect(t).toBeDefined();
    expect(destinationOf(t!, opts)).toBe(to);
  });

  it('reviews only reports and close-out requests, and only the head approves or sends them back', () => {
    expect(TRANSITIONS.filter((t) => t.review).map((t) => `${t.from}:${t.action}`)).toEqual([
      'accepted:report',
      'in_progress:report',
      'in_progress:request_close',
    ]);
    expect(TRANSITIONS.filter((t) => t.action === 'approve' || t.action === 'send_back').every((t) => t.who === 'head')).toBe(true);
  });

  it('keeps the status on every step that is not a life-cycle action', () => {
    const staying = TRANSITIONS.filter((t) => (TaskStep.options as string[]).includes(t.action));
    expect(staying.length).toBeGreaterThan(0);
    for (const t of staying) expect(t.to, `${t.from} ${t.action}`).toBe(t.from);
  });

  it('knows no other step: every other status × step pair is undefined', () => {
    const steps: Step[] = [...TaskAction.options, ...TaskStep.options];
    const legal = new Set(TRANSITIONS.map((t) => `${t.from}:${t.action}`));
    expect(legal.size).toBe(TRANSITIONS.length); // one row per status and step
    const illegal = TaskStatus.options.flatMap((s) => steps.map((a) => [s, a] as const)).filter(([s, a]) => !legal.has(`${s}:${a}`));
    expect(illegal).toHaveLength(TaskStatus.options.length * steps.length - legal.size);
    for (const [s, a] of illegal) expect(transitionFor(s, a), `${s} ${a}`).toBeUndefined();
  });
});

describe('what each status allows besides steps', () => {
  it.each<[TaskStatus, { editable: boolean; milestones: boolean; review: boolean; share: boolean; open: boolean }]>([
    ['draft', { editable: true, milestones: false, review: false, share: false, open: true }],
    ['assigned', { editable: true, milestones: false, review: false, share: false, open: true }],
    ['accepted', { editable: false, milestones: true, review: false, share: true, open: true }],
    ['refused', { editable: true, milestones: false, review: false, share: false, open: true }],
    ['in_progress', { editable: false, milestones: true, review: false, share: true, open: true }],
    ['report_review', { editable: false, milestones: false, review: true, share: true, open: true }],
    ['close_review', { editable: false, milestones: false, review: true, share: false, open: true }],
    ['close_requested', { editable: false, milestones: false, review: false, share: false, open: true }],
    ['closed', { editable: false, milestones: false, review: false, share: false, open: false }],
  ])('%s → %j', (status, expected) => {
    expect({
      editable: EDITABLE.has(status),
      milestones: MILESTONES_OPEN.has(status),
      review: UNDER_REVIEW.has(status),
      share: statusesFor('report_share').has(status),
      open: isOpen(status),
    }).toEqual(expected);
  });
});

describe('labels', () => {
  it('name every status and every step in zh-CN and en-US', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...TaskStatus.options].sort());
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...TaskAction.options, ...TaskStep.options].sort());
    for (const label of [...Object.values(STATUS_LABELS), ...Object.values(ACTION_LABELS)]) {
      expect(label.zh).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/^[a-z -]+$/);
    }
  });
});
