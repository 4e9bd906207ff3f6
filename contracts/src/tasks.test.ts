import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  Board,
  GradeBody,
  InstructionBody,
  MeasureCreateBody,
  MilestoneDoneBody,
  PlanCreateBody,
  ProgrammeCreateBody,
  TaskAction,
  TaskCreateBody,
  TaskEventKind,
  TaskQuery,
  TaskStatus,
  TaskTransitionBody,
  TaskUpdateBody,
  UrgeBody,
  WarningColor,
} from './index.ts';

/** Where zod refuses `input`, as the server names fields (without its `body.` prefix); [] when it parses. */
const refusedAt = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join('.')))];
};
const chars = (n: number) => '督'.repeat(n);
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

describe('the task enums, as the life cycle and the wall name them', () => {
  it.each<[string, string[], z.ZodEnum]>([
    [
      'TaskStatus',
      ['draft', 'assigned', 'accepted', 'refused', 'in_progress', 'report_review', 'close_review', 'close_requested', 'closed'],
      TaskStatus,
    ],
    [
      'TaskAction',
      ['assign', 'accept', 'refuse', 'report', 'request_close', 'approve', 'send_back', 'close', 'return', 'reopen'],
      TaskAction,
    ],
    ['WarningColor', ['none', 'blue', 'yellow', 'red'], WarningColor],
  ])('%s is exactly %j, in this order', (_, options, schema) => {
    expect(schema.options).toEqual(options);
  });

  it('records an event kind for every step of the life cycle', () => {
    expect(TaskEventKind.options).toEqual(expect.arrayContaining([...TaskAction.options]));
  });

  it('makes the board count every status and every colour, none left out', () => {
    const board = (byStatus: Record<string, number>, byWarning: Record<string, number>) => ({
      items: [],
      counts: { byStatus, byWarning },
      total: 0,
      truncated: false,
    });
    const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
    expect(refusedAt(Board, board(zeros(TaskStatus.options), zeros(WarningColor.options)))).toEqual([]);
    const { closed: _closed, ...noClosed } = zeros(TaskStatus.options);
    expect(refusedAt(Board, board(noClosed, zeros(WarningColor.options)))).toEqual(['counts.byStatus.closed']);
    expect(refusedAt(Board, board(zeros(TaskStatus.options), { ...zeros(WarningColor.options), green: 0 }))).toEqual(['counts.byWarning']);
  });
});

describe('TaskCreateBody', () => {
  const minimal = {
    measureId: 'measure-1',
    title: '整治群众身边不正之风',
    leadDepartmentId: 'dept-a',
    startDate: '2026-03-02',
    dueDate: '2026-06-30',
  };

  it('parses the least a task needs and fills in the rest', () => {
    expect(TaskCreateBody.parse(minimal)).toEqual({
      ...minimal,
      statement: '',
      deliverables: '',
      cooperatingDepartmentIds: [],
      weight: 1,
      tagged: false,
      milestones: [],
    });
  });

  it('parses a full body, trimming its text', () => {
    const full = {
      ...minimal,
      parentId: 'task-0',
      code: ' GC1-01 ',
      title: ' 整治群众身边不正之风 ',
      statement: '第一段\n第二段',
      deliverables: '工作台账',
      cooperatingDepartmentIds: ['dept-b'],
      responsiblePostId: null,
      leaderPersonId: 'person-leader',
      weight: 100,
      tagged: true,
      milestones: [{ name: '制定方案', dueDate: '2026-03-31' }],
    };
    expect(TaskCreateBody.parse(full)).toEqual({ ...full, code: 'GC1-01', title: '整治群众身边不正之风' });
  });

  it('drops fields it does not know: a new task cannot arrive closed or versioned', () => {
    const parsed = TaskCreateBody.parse({ ...minimal, status: 'closed', version: 9, progress: 100, abilities: { close: true } });
    expect(parsed).not.toHaveProperty('status');
    expect(parsed).not.toHaveProperty('version');
    expect(parsed).not.toHaveProperty('progress');
    expect(parsed).not.toHaveProperty('abilities');
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['missing measureId', 'measureId', { measureId: undefined }],
    ['missing title', 'title', { title: undefined }],
    ['missing lead department', 'leadDepartmentId', { leadDepartmentId: undefined }],
    ['missing start date', 'startDate', { startDate: undefined }],
    ['missing due date', 'dueDate', { dueDate: undefined }],
    ['title of the wrong type', 'title', { title: 123 }],
    ['title of spaces only', 'title', { title: '   ' }],
    ['title over 200 characters', 'title', { title: chars(201) }],
    ['title over two lines', 'title', { title: '第一行\n第二行' }],
    ['code over 30 characters', 'code', { code: 'C'.repeat(31) }],
    ['statement over 5000 characters', 'statement', { statement: chars(5001) }],
    ['statement holding NUL', 'statement', { statement: 'a\u0000b' }],
    ['deliverables over 2000 characters', 'deliverables', { deliverables: chars(2001) }],
    ['a day that does not exist', 'startDate', { startDate: '2026-02-30' }],
    ['a date written with slashes', 'dueDate', { dueDate: '2026/06/30' }],
    ['a date before 1900', 'dueDate', { dueDate: '1899-12-31' }],
    ['a date as a number', 'dueDate', { dueDate: 20260630 }],
    ['an id with a slash', 'measureId', { measureId: 'a/b' }],
    ['an id over 64 characters', 'leadDepartmentId', { leadDepartmentId: 'd'.repeat(65) }],
    ['parent of the wrong type', 'parentId', { parentId: 7 }],
    ['a bad cooperating department', 'cooperatingDepartmentIds.1', { cooperatingDepartmentIds: ['dept-b', 'bad id'] }],
    ['more than 50 cooperating departments', 'cooperatingDepartmentIds', { cooperatingDepartmentIds: ids(51) }],
    ['weight 0', 'weight', { weight: 0 }],
    ['weight over 100', 'weight', { weight: 101 }],
    ['weight not a whole number', 'weight', { weight: 1.5 }],
    ['weight as text', 'weight', { weight: '3' }],
    ['tagged as text', 'tagged', { tagged: 'yes' }],
    ['a milestone without a name', 'milestones.0.name', { milestones: [{ name: '', dueDate: '2026-03-31' }] }],
    ['a milestone with a bad date', 'milestones.0.dueDate', { milestones: [{ name: '方案', dueDate: '2026-13-01' }] }],
    ['more than 50 milestones', 'milestones', { milestones: Array.from({ length: 51 }, () => ({ name: '节点', dueDate: '2026-03-31' })) }],
  ])('refuses %s at %s', (_, path, patch) => {
    expect(refusedAt(TaskCreateBody, { ...minimal, ...patch })).toEqual([path]);
  });

  it('takes the edges of each length and range', () => {
    const edges = { title: chars(200), code: 'C'.repeat(30), statement: chars(5000), deliverables: chars(2000), weight: 100 };
    expect(refusedAt(TaskCreateBody, { ...minimal, ...edges, cooperatingDepartmentIds: ids(50) })).toEqual([]);
    expect(refusedAt(TaskCreateBody, { ...minimal, startDate: '1900-01-01', dueDate: '2199-12-31' })).toEqual([]);
  });
});

describe('TaskUpdateBody: a PATCH changes only what it names', () => {
  it('needs the version and nothing else, and adds no defaults', () => {
    expect(TaskUpdateBody.parse({ version: 3 })).toEqual({ version: 3 });
    expect(TaskUpdateBody.parse({ version: 3, responsiblePostId: null, tagged: false })).toEqual({
      version: 3,
      responsiblePostId: null,
      tagged: false,
    });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['no version', 'version', { title: '改名' }],
    ['version as text', 'version', { version: '3' }],
    ['title cleared to null', 'title', { version: 3, title: null }],
    ['title over 200 characters', 'title', { version: 3, title: chars(201) }],
    ['a bad due date', 'dueDate', { version: 3, dueDate: '2026-04-31' }],
    ['weight over 100', 'weight', { version: 3, weight: 101 }],
    ['a bad lead department', 'leadDepartmentId', { version: 3, leadDepartmentId: '' }],
  ])('refuses %s at %s', (_, path, body) => {
    expect(refusedAt(TaskUpdateBody, body)).toEqual([path]);
  });
});

describe('TaskTransitionBody: one body for every step', () => {
  it.each(TaskAction.options)('parses %s with a version, fileIds defaulting to none', (action) => {
    expect(TaskTransitionBody.parse({ action, version: 1 })).toEqual({ action, version: 1, fileIds: [] });
  });

  it('parses a progress report with comment, percent and evidence', () => {
    const body = { action: 'report', version: 4, comment: ' 完成方案制定 ', percent: 40, fileIds: ['file-1'] };
    expect(TaskTransitionBody.parse(body)).toEqual({ ...body, comment: '完成方案制定' });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['no action', 'action', { action: undefined }],
    ['an action the life cycle does not know', 'action', { action: 'archive' }],
    ['a step with its own endpoint (分办)', 'action', { action: 'dispatch' }],
    ['a status given as the action', 'action', { action: 'closed' }],
    ['no version', 'version', { version: undefined }],
    ['percent over 100', 'percent', { percent: 101 }],
    ['percent below 0', 'percent', { percent: -1 }],
    ['percent not a whole number', 'percent', { percent: 33.3 }],
    ['comment over 2000 characters', 'comment', { comment: chars(2001) }],
    ['more than 20 files', 'fileIds', { fileIds: ids(21) }],
    ['a bad file id', 'fileIds.0', { fileIds: ['../etc/passwd'] }],
  ])('refuses %s at %s', (_, path, patch) => {
    expect(refusedAt(TaskTransitionBody, { action: 'report', version: 1, ...patch })).toEqual([path]);
  });
});

describe('urging, instructions, grades and milestones', () => {
  it.each<[string, string[], unknown, z.ZodType]>([
    ['an urge', [], { message: '请于本周五前报送进展' }, UrgeBody],
    ['an empty urge', ['message'], { message: '  ' }, UrgeBody],
    ['an urge over 1000 characters', ['message'], { message: chars(1001) }, UrgeBody],
    ['an instruction', [], { text: '务必按期办结' }, InstructionBody],
    ['an instruction without text', ['text'], {}, InstructionBody],
    ['an instruction over 2000 characters', ['text'], { text: chars(2001) }, InstructionBody],
    ['a grade with one unset', [], { zhun: 5, kuai: 4, shi: 1, nong: 3, xian: null, version: 2 }, GradeBody],
    ['a grade of 6', ['zhun'], { zhun: 6, kuai: 4, shi: 5, nong: 3, xian: null, version: 2 }, GradeBody],
    ['a grade of 0', ['kuai'], { zhun: 5, kuai: 0, shi: 5, nong: 3, xian: null, version: 2 }, GradeBody],
    ['a grade left out (not null)', ['xian'], { zhun: 5, kuai: 4, shi: 5, nong: 3, version: 2 }, GradeBody],
    ['a grade without version', ['version'], { zhun: 5, kuai: 4, shi: 5, nong: 3, xian: 1 }, GradeBody],
    ['a milestone marked done', [], { version: 7 }, MilestoneDoneBody],
    ['a milestone marked done without version', ['version'], {}, MilestoneDoneBody],
  ])('%s → refused at %j', (_, paths, body, schema) => {
    expect(refusedAt(schema, body)).toEqual(paths);
  });
});

describe('TaskQuery: the list filters, from the query string', () => {
  it('coerces paging and fills in the preset view and order', () => {
    expect(TaskQuery.parse({ page: '2', pageSize: '50', status: 'in_progress', warning: 'red' })).toEqual({
      page: 2,
      pageSize: 50,
      status: 'in_progress',
      warning: 'red',
      view: 'all',
      sort: 'due',
    });
  });

  it.each<[string, string, Record<string, string>]>([
    ['an unknown status', 'status', { status: 'done' }],
    ['an unknown colour', 'warning', { warning: 'green' }],
    ['an unknown view', 'view', { view: 'everything' }],
    ['an unknown order', 'sort', { sort: 'title' }],
    ['open as yes', 'open', { open: 'yes' }],
    ['page 0', 'page', { page: '0' }],
    ['page size over 200', 'pageSize', { pageSize: '201' }],
    ['a search over 100 characters', 'q', { q: chars(101) }],
    ['a bad plan id', 'planId', { planId: 'a b' }],
  ])('refuses %s at %s', (_, path, query) => {
    expect(refusedAt(TaskQuery, query)).toEqual([path]);
  });
});

describe('plan payloads: plans, programmes (工程) and measures (举措)', () => {
  const plan = { name: '2026年专项整治', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31' };

  it('parses a plan, with default thresholds when they are given empty', () => {
    expect(PlanCreateBody.parse(plan)).toEqual(plan);
    expect(PlanCreateBody.parse({ ...plan, thresholds: {} }).thresholds).toEqual({
      blueWithinWorkingDays: 5,
      yellowWithinWorkingDays: 2,
      yellowBehindPoints: 10,
      escalateAfterWorkingDays: 3,
    });
  });

  it.each<[string, string, Record<string, unknown>, z.ZodType]>([
    ['a plan without a name', 'name', { ...plan, name: '' }, PlanCreateBody],
    ['a plan of 1999', 'year', { ...plan, year: 1999 }, PlanCreateBody],
    ['a plan ending on 31 February', 'endDate', { ...plan, endDate: '2026-02-31' }, PlanCreateBody],
    [
      'a blue warning 61 working days ahead',
      'thresholds.blueWithinWorkingDays',
      { ...plan, thresholds: { blueWithinWorkingDays: 61 } },
      PlanCreateBody,
    ],
    [
      'escalation after 0 days',
      'thresholds.escalateAfterWorkingDays',
      { ...plan, thresholds: { escalateAfterWorkingDays: 0 } },
      PlanCreateBody,
    ],
    ['a programme code over 20 characters', 'code', { planId: 'p', code: 'G'.repeat(21), name: '工程' }, ProgrammeCreateBody],
    ['a programme of weight 0', 'weight', { planId: 'p', code: 'GC1', name: '工程', weight: 0 }, ProgrammeCreateBody],
    ['a programme without a plan', 'planId', { code: 'GC1', name: '工程' }, ProgrammeCreateBody],
    ['a measure name over 200 characters', 'name', { programmeId: 'g', code: 'JC1', name: chars(201) }, MeasureCreateBody],
    ['a measure sorted at -1', 'sort', { programmeId: 'g', code: 'JC1', name: '举措', sort: -1 }, MeasureCreateBody],
  ])('refuses %s at %s', (_, path, body, schema) => {
    expect(refusedAt(schema, body)).toEqual([path]);
  });
});
