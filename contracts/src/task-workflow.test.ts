import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  DepartmentReviewBody,
  DispatchBody,
  ERROR_MESSAGES,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  ShareReportBody,
  Task,
  TaskCreateBody,
  TaskEventKind,
  TaskListItem,
  TaskStep,
  TaskUpdateBody,
} from './index.ts';
import { TASK_WORKFLOW_ERRORS } from './task-workflow-messages.ts';

const refusedAt = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join('.')))];
};

describe('the bodies of the department’s own steps', () => {
  it.each<[string, z.ZodType, unknown, string[]]>([
    ['分办 to a person', DispatchBody, { version: 1, personId: 'p1' }, []],
    ['分办 to a post, with a note', DispatchBody, { version: 1, postId: 'post1', note: '请牵头' }, []],
    ['分办 without a version', DispatchBody, { personId: 'p1' }, ['version']],
    ['分办 with a note too long', DispatchBody, { version: 1, personId: 'p1', note: '督'.repeat(501) }, ['note']],
    ['延期申请', ExtensionRequestBody, { version: 2, dueDate: '2026-07-31', reason: '需协调第三方' }, []],
    ['延期申请 without a reason', ExtensionRequestBody, { version: 2, dueDate: '2026-07-31', reason: '  ' }, ['reason']],
    ['延期申请 to a date that does not exist', ExtensionRequestBody, { version: 2, dueDate: '2026-02-30', reason: 'x' }, ['dueDate']],
    ['延期审批', ExtensionDecisionBody, { version: 3, grant: true }, []],
    ['延期审批 without a decision', ExtensionDecisionBody, { version: 3 }, ['grant']],
    ['协办报送', ShareReportBody, { version: 4, percent: 60, comment: '已完成' }, []],
    ['协办报送 over 100%', ShareReportBody, { version: 4, percent: 101 }, ['percent']],
    ['部门审核', DepartmentReviewBody, { review: true }, []],
    ['部门审核 as text', DepartmentReviewBody, { review: 'yes' }, ['review']],
  ])('%s → refused at %j', (_, schema, input, paths) => {
    expect(refusedAt(schema, input)).toEqual(paths);
  });

  it('defaults what may be left out', () => {
    expect(DispatchBody.parse({ version: 1, postId: 'post1' })).toEqual({ version: 1, postId: 'post1', note: '' });
    expect(ExtensionDecisionBody.parse({ version: 1, grant: false })).toEqual({ version: 1, grant: false, comment: '' });
  });

  it('takes 补录 (backfill) on create and update, as a boolean', () => {
    const create = { measureId: 'm', title: 't', leadDepartmentId: 'd', startDate: '2026-01-05', dueDate: '2026-02-27' };
    expect(TaskCreateBody.parse({ ...create, backfill: true }).backfill).toBe(true);
    expect(TaskCreateBody.parse(create).backfill).toBeUndefined();
    expect(refusedAt(TaskUpdateBody, { version: 1, backfill: 'yes' })).toEqual(['backfill']);
  });
});

describe('what a task says of the workflow', () => {
  it('names the steps that keep the status, and records an event for each', () => {
    expect(TaskStep.options).toEqual(['dispatch', 'request_extension', 'decide_extension', 'report_share']);
    expect(TaskEventKind.options).toEqual(
      expect.arrayContaining(['dispatch', 'extension_request', 'extension_grant', 'extension_refuse', 'extension_lapse', 'share_report']),
    );
  });

  it('keeps the workflow records on the task page and off the lists', () => {
    const workflow = ['departmentReview', 'pendingReview', 'cooperation', 'extensions', 'assignments'];
    for (const key of workflow) {
      expect(Object.keys(Task.shape), key).toContain(key);
      expect(Object.keys(TaskListItem.shape), key).not.toContain(key);
    }
    for (const key of ['originalDueDate', 'closedLateDays']) expect(Object.keys(TaskListItem.shape), key).toContain(key);
  });

  it('has every workflow error in both languages, in the one table of error messages', () => {
    for (const [code, text] of Object.entries(TASK_WORKFLOW_ERRORS)) {
      expect(ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES], code).toBe(text);
      expect(text['zh-CN'], code).toMatch(/\p{Script=Han}/u);
      expect(text['en-US'], code).toMatch(/^[\x20-\x7e“”’]+$/);
    }
  });
});
