import { z } from 'zod';
import { Id, Instant, line, PageQuery, pageOf, prose } from './common.ts';
import { CalendarDate } from './calendar.ts';
import { InstructionBody } from './tasks.ts';

/**
 * 领导批示 and 落实反馈: a leader's written instruction on a task or to a unit (a department), which
 * may ask the unit to report by a date how it was carried out. The unit answers once, with text and
 * an optional reference to its evidence (文号、台账编号、链接…); the leader reads the answer.
 */

/** noted: no feedback asked · awaiting: feedback asked, not yet given · answered: feedback given */
export const InstructionState = z.enum(['noted', 'awaiting', 'answered']);
export type InstructionState = z.infer<typeof InstructionState>;

/** 落实反馈 asked by this date (inclusive); null or absent: the instruction asks for none. */
const feedbackDueDate = CalendarDate.nullable().optional();

/** On a task (POST /api/tasks/:id/instructions): the text, and optionally a date for feedback. */
export const TaskInstructionBody = InstructionBody.extend({ feedbackDueDate });
export type TaskInstructionBody = z.input<typeof TaskInstructionBody>;

/** POST /api/instructions: to a task or to a unit — exactly one of them. */
export const InstructionCreateBody = z
  .object({
    taskId: Id.optional(),
    departmentId: Id.optional(),
    text: InstructionBody.shape.text,
    feedbackDueDate,
  })
  .refine((b) => !!b.taskId !== !!b.departmentId, { message: 'taskId or departmentId', path: ['departmentId'] });
export type InstructionCreateBody = z.input<typeof InstructionCreateBody>;

/** 落实反馈: what was done, and where the proof is kept. `version` guards a second answer crossing the first. */
export const InstructionFeedbackBody = z.object({
  text: prose(1, 2000),
  evidenceRef: line(1, 500).nullable().optional(),
  version: z.number().int(),
});
export type InstructionFeedbackBody = z.input<typeof InstructionFeedbackBody>;

export const Instruction = z.object({
  id: Id,
  taskId: Id.nullable(),
  taskCode: z.string().nullable(),
  taskTitle: z.string().nullable(),
  departmentId: Id,
  departmentName: z.string(),
  text: z.string(),
  leaderName: z.string(),
  createdAt: Instant,
  state: InstructionState,
  feedbackDueDate: CalendarDate.nullable(),
  /** feedback asked, not given, and its date has passed (today in Asia/Shanghai) */
  overdue: z.boolean(),
  feedback: z
    .object({ text: z.string(), evidenceRef: z.string().nullable(), byName: z.string(), at: Instant, late: z.boolean() })
    .nullable(),
  version: z.number().int(),
  abilities: z.object({ feedback: z.boolean() }),
});
export type Instruction = z.infer<typeof Instruction>;

/**
 * The list: `to=mine` those addressed to departments I handle for, `to=given` those I gave;
 * `state=overdue` is awaiting feedback past its date.
 */
export const InstructionQuery = PageQuery.extend({
  to: z.enum(['mine', 'given', 'all']).default('all'),
  state: z.enum(['noted', 'awaiting', 'answered', 'overdue']).optional(),
  taskId: Id.optional(),
  departmentId: Id.optional(),
});
export type InstructionQuery = z.input<typeof InstructionQuery>;
export const InstructionPage = pageOf(Instruction);
