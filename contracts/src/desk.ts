import { z } from 'zod';
import { Id } from './common.ts';
import { CalendarDate } from './calendar.ts';
import { WarningColor } from './tasks.ts';

/**
 * 待办中心 (GET /api/desk): what waits for the signed-in person, section by section, with a link to
 * every item and to the list that shows all of a section. The list of sections is open: a module
 * adds a section by adding a provider on the server (tasks: `task-desk.sections.ts`; a module's
 * registry such as `ENQUIRY_DESK_SECTIONS`, listed in the desk's `providers()`) and its title
 * to the web's desk dictionaries; the web shows any section it is sent.
 */

/** The sections known today, in the order the desk shows them. */
export const DESK_SECTION_KEYS = [
  'accept', // 待签收
  'report', // 待报送进展
  'departmentReview', // 部门审核（待本部门负责人审核的进展和销号申请）
  'extensionApproval', // 延期审批
  'closeOutReview', // 待审核销号
  'instructionFeedback', // 待落实反馈的领导批示
  'instructionsGiven', // 我的批示：等待反馈
  'enquiryAccept', // 首问负责：待接收的移交
  'enquiryMine', // 首问负责：我负责的、尚未办结的咨询
  'rectificationHandle', // 整改：待整改（可由我报送）
  'rectificationVerify', // 整改：待核实（督查办）
  'ratingAppeals', // 好差评：待复核的差评申诉
] as const;
/** A section's key: one of DESK_SECTION_KEYS, or a newer one the web may not know yet. */
export const DeskSectionKey = z.string().regex(/^[a-z][A-Za-z]{1,47}$/);

/** One thing to do, linked to the page where it is done. */
export const DeskItem = z.object({
  kind: z.enum(['task', 'instruction', 'enquiry', 'rectification', 'rating']),
  id: Id,
  code: z.string().nullable(),
  title: z.string(),
  dueDate: CalendarDate.nullable(),
  /** past its date (a task past its deadline, feedback past its date) */
  overdue: z.boolean(),
  warning: WarningColor.nullable(),
  /** a console path: /tasks/<id>, /instructions?…, /enquiries?…&open=<id>, /rectifications/<id>, /ratings?…&id=<id> */
  link: z.string(),
});
export type DeskItem = z.infer<typeof DeskItem>;

export const DeskSection = z.object({
  key: DeskSectionKey,
  count: z.number().int().min(0),
  /** how many of `count` are past their date */
  overdue: z.number().int().min(0),
  /** the most urgent few (soonest due first) */
  items: z.array(DeskItem).max(5),
  /** the list that shows exactly the `count` items */
  link: z.string(),
});
export type DeskSection = z.infer<typeof DeskSection>;

/** Tasks due in a month, and how they were closed (按期办结率). */
export const OnTimeMonth = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** tasks whose (original) due date fell in the month up to today, drafts left out */
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  /** still open past the due date */
  overdueOpen: z.number().int(),
  /** onTime / (onTime + late + overdueOpen), 0–100; null when nothing fell due */
  rate: z.number().nullable(),
});
export type OnTimeMonth = z.infer<typeof OnTimeMonth>;

export const Desk = z.object({
  today: CalendarDate,
  /** all: every department (全部单位); departments: the departments of my data scope (本部门) */
  scope: z.enum(['all', 'departments']),
  sections: z.array(DeskSection),
  /** 红灯 / 黄灯 in my scope (led by my departments or on my posts), with the lists that show them; null without tasks.read */
  attention: z.object({ red: z.number().int(), yellow: z.number().int(), redLink: z.string(), yellowLink: z.string() }).nullable(),
  onTime: z.object({ thisMonth: OnTimeMonth, lastMonth: OnTimeMonth }).nullable(),
});
export type Desk = z.infer<typeof Desk>;

export const DeskQuery = z.object({ planId: Id.optional() });
export type DeskQuery = z.input<typeof DeskQuery>;
