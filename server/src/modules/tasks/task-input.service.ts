import { detailMessage, type Lang } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { departmentsBasics, peopleBasics, postsWithHolders } from '../org/index.ts';

/** The fields of a task that reference the organisation or must agree with each other. */
export type TaskInput = {
  leadDepartmentId: string;
  cooperatingDepartmentIds: string[];
  responsiblePostId: string | null;
  leaderPersonId: string | null;
  startDate: string;
  dueDate: string;
  milestones: { name: string; dueDate: string }[];
};

/** Dates in order and milestones inside the task's span: every offending field at once. */
export function dateProblems(input: Pick<TaskInput, 'startDate' | 'dueDate' | 'milestones'>, lang: Lang, prefix = 'body') {
  const fields: { path: string; message: string }[] = [];
  if (input.dueDate < input.startDate) {
    fields.push({ path: `${prefix}.dueDate`, message: detailMessage('date_before_start', lang, { start: input.startDate }) });
    return fields;
  }
  input.milestones.forEach((m, i) => {
    if (m.dueDate < input.startDate || m.dueDate > input.dueDate) {
      fields.push({
        path: `${prefix}.milestones.${i}.dueDate`,
        message: detailMessage('milestone_outside', lang, { start: input.startDate, due: input.dueDate }),
      });
    }
  });
  return fields;
}

/**
 * A task's references, checked through the org module's service: the lead department exists and
 * is live, cooperating departments too (and differ from it), the responsible post belongs to the
 * lead department, the leader in charge exists and has not left.
 */
export async function assertTaskInput(ctx: Ctx, input: TaskInput): Promise<void> {
  const dates = dateProblems(input, ctx.lang);
  if (dates.length) throw invalid(dates);
  const unknown = (path: string) => invalid([{ path, message: detailMessage('unknown_ref', ctx.lang) }]);
  const departments = await departmentsBasics(ctx.db, [input.leadDepartmentId, ...input.cooperatingDepartmentIds]);
  const lead = departments.get(input.leadDepartmentId);
  if (!lead) throw unknown('body.leadDepartmentId');
  if (lead.archived)
    throw new DomainError('department_archived', 409, { name: lead.name }, [
      { path: 'body.leadDepartmentId', message: 'department_archived' },
    ]);
  for (const [i, id] of input.cooperatingDepartmentIds.entries()) {
    const path = `body.cooperatingDepartmentIds.${i}`;
    const d = departments.get(id);
    if (!d) throw unknown(path);
    if (d.archived) throw new DomainError('department_archived', 409, { name: d.name }, [{ path, message: 'department_archived' }]);
    if (id === lead.id) throw invalid([{ path, message: detailMessage('lead_not_cooperator', ctx.lang) }]);
  }
  if (input.responsiblePostId) {
    const post = (await postsWithHolders(ctx.db, [input.responsiblePostId])).get(input.responsiblePostId);
    if (!post || post.archived) throw unknown('body.responsiblePostId');
    if (post.departmentId !== lead.id) {
      throw new DomainError('post_not_in_department', 400, { name: post.name, department: lead.name }, [
        { path: 'body.responsiblePostId', message: 'post_not_in_department' },
      ]);
    }
  }
  if (input.leaderPersonId) {
    const leader = (await peopleBasics(ctx.db, [input.leaderPersonId])).get(input.leaderPersonId);
    if (!leader) throw unknown('body.leaderPersonId');
    if (leader.status === 'left')
      throw invalid([{ path: 'body.leaderPersonId', message: detailMessage('person_left', ctx.lang, { name: leader.name }) }]);
  }
}
