import { z } from 'zod';
import { Id, Instant, line, PageQuery, pageOf, prose } from './common.ts';
import { CalendarDate } from './calendar.ts';
import { TaskStatus, WarningColor } from './tasks.ts';

/**
 * 一周一调度 (weekly dispatch): each ISO week a dispatch sheet (调度单) of a plan and an organising
 * department is drafted from red and yellow tasks, stalled major-project problems and leaders' open
 * instructions (批示), grouped by the leader in charge (分管领导). The office edits it, records the
 * meeting (date, time, place, chair, attendance) and its decisions (议定事项: who does what by when);
 * each decision becomes a supervised task. draft → held (meeting recorded) → closed (immutable).
 */

const DAY_MS = 86_400_000;

/** The ISO week (Monday first; week 1 holds the year's first Thursday) of a YYYY-MM-DD date, e.g. 2026-W11. */
export function isoWeekOf(date: string): string {
  const d = Date.parse(`${date}T00:00:00Z`);
  const thursday = new Date(d + (3 - ((new Date(d).getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday and Sunday (YYYY-MM-DD) of an ISO week key. */
export function isoWeekSpan(week: string): { start: string; end: string } {
  const year = Number(week.slice(0, 4));
  const n = Number(week.slice(6));
  const jan4 = Date.UTC(year, 0, 4); // always in week 1
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (n - 1) * 7 * DAY_MS;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { start: day(monday), end: day(monday + 6 * DAY_MS) };
}

/** An ISO week that exists: 2026-W01 … 2026-W53 (week 53 only in the years that have one). */
export const IsoWeek = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'YYYY-Www')
  .refine((w) => Number(w.slice(0, 4)) >= 2000 && Number(w.slice(0, 4)) <= 2199 && isoWeekOf(isoWeekSpan(w).start) === w, 'no such week');

/** 草稿 · 已召开（会议已记录） · 已归档（不可再改） */
export const DispatchSheetStatus = z.enum(['draft', 'held', 'closed']);
export type DispatchSheetStatus = z.infer<typeof DispatchSheetStatus>;

/** Where an item comes from: a red/yellow task, a leader's open instruction, a stalled major project, or added by hand. */
export const DispatchItemSource = z.enum(['task', 'instruction', 'project', 'manual']);
export type DispatchItemSource = z.infer<typeof DispatchItemSource>;

/** Clock time of the meeting in Asia/Shanghai, HH:MM. */
export const MeetingTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const DispatchItem = z.object({
  id: Id,
  source: DispatchItemSource,
  sourceId: Id.nullable(),
  /** the task to open: the task itself, or the task an instruction was given on */
  taskId: Id.nullable(),
  title: z.string(),
  detail: z.string(),
  /** the task's colour when it was drafted */
  warning: WarningColor.nullable(),
  progress: z.number().int().nullable(),
  /** the task's due date, or the date an instruction's feedback is due */
  dueDate: CalendarDate.nullable(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  leaderPersonId: Id.nullable(),
  leaderName: z.string().nullable(),
  note: z.string(),
});
export type DispatchItem = z.infer<typeof DispatchItem>;

/** The items under one leader in charge (分管领导); `leaderPersonId` null: no leader named. */
export const DispatchLeaderGroup = z.object({
  leaderPersonId: Id.nullable(),
  leaderName: z.string().nullable(),
  items: z.array(DispatchItem),
});
export type DispatchLeaderGroup = z.infer<typeof DispatchLeaderGroup>;

export const DispatchAttendee = z.object({
  personId: Id,
  name: z.string(),
  departmentName: z.string(),
  present: z.boolean(),
  absenceReason: z.string().nullable(),
});
export type DispatchAttendee = z.infer<typeof DispatchAttendee>;

export const DispatchMeeting = z.object({
  date: CalendarDate,
  time: z.string(),
  place: z.string(),
  chairPersonId: Id,
  chairName: z.string(),
  minutes: z.string(),
  attendees: z.array(DispatchAttendee),
});
export type DispatchMeeting = z.infer<typeof DispatchMeeting>;

/** The task a decision became, as it stands now. */
export const DispatchDecisionTask = z.object({
  id: Id,
  code: z.string(),
  title: z.string(),
  status: TaskStatus,
  warning: WarningColor,
  progress: z.number().int(),
  dueDate: CalendarDate,
});

export const DispatchDecision = z.object({
  id: Id,
  /** 第 N 项, from 1 */
  number: z.number().int(),
  text: z.string(),
  itemId: Id.nullable(),
  ownerDepartmentId: Id,
  ownerDepartmentName: z.string(),
  ownerPersonId: Id.nullable(),
  ownerName: z.string().nullable(),
  dueDate: CalendarDate,
  measureId: Id.nullable(),
  task: DispatchDecisionTask.nullable(),
});
export type DispatchDecision = z.infer<typeof DispatchDecision>;

/** What the actor may do with the sheet now (the buttons the console shows). */
export const DispatchAbilities = z.object({
  edit: z.boolean(),
  recordMeeting: z.boolean(),
  decide: z.boolean(),
  /** 转为督办任务: also needs the office's plan.manage, which creates tasks */
  makeTask: z.boolean(),
  close: z.boolean(),
});
export type DispatchAbilities = z.infer<typeof DispatchAbilities>;

export const DispatchSheet = z.object({
  id: Id,
  planId: Id,
  planName: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  week: z.string(),
  weekStart: CalendarDate,
  weekEnd: CalendarDate,
  title: z.string(),
  notes: z.string(),
  status: DispatchSheetStatus,
  /** red/yellow tasks and instructions beyond what one sheet carries (the most pressing come first) */
  omittedItems: z.number().int(),
  groups: z.array(DispatchLeaderGroup),
  meeting: DispatchMeeting.nullable(),
  decisions: z.array(DispatchDecision),
  draftedByName: z.string(),
  draftedAt: Instant,
  heldAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  version: z.number().int(),
  abilities: DispatchAbilities,
});
export type DispatchSheet = z.infer<typeof DispatchSheet>;

export const DispatchSheetSummary = z.object({
  id: Id,
  planId: Id,
  departmentId: Id,
  departmentName: z.string(),
  week: z.string(),
  weekStart: CalendarDate,
  weekEnd: CalendarDate,
  title: z.string(),
  status: DispatchSheetStatus,
  itemCount: z.number().int(),
  decisionCount: z.number().int(),
  /** decisions already made into tasks */
  taskCount: z.number().int(),
  meetingDate: CalendarDate.nullable(),
  version: z.number().int(),
});
export type DispatchSheetSummary = z.infer<typeof DispatchSheetSummary>;

export const DispatchSheetQuery = PageQuery.extend({
  planId: Id.optional(),
  departmentId: Id.optional(),
  status: DispatchSheetStatus.optional(),
  week: IsoWeek.optional(),
});
export type DispatchSheetQuery = z.input<typeof DispatchSheetQuery>;
/** A page of sheets, newest week first, and this week (Asia/Shanghai) for the "this week" button. */
export const DispatchSheetPage = pageOf(DispatchSheetSummary).extend({
  currentWeek: z.object({ week: z.string(), weekStart: CalendarDate, weekEnd: CalendarDate }),
});
export type DispatchSheetPage = z.infer<typeof DispatchSheetPage>;

/** POST /api/dispatch/sheets: draft a week's sheet by hand; the department defaults to the area (scope all) or the actor's own. */
export const DispatchDraftBody = z.object({
  planId: Id,
  week: IsoWeek,
  departmentId: Id.optional(),
});
export type DispatchDraftBody = z.input<typeof DispatchDraftBody>;

/** One item as the editor saves it: `id` of an item already on the sheet, none for one added by hand. */
export const DispatchItemInput = z.object({
  id: Id.optional(),
  title: line(1, 200),
  detail: prose(0, 2000).default(''),
  departmentId: Id.nullable().optional(),
  leaderPersonId: Id.nullable(),
  note: prose(0, 1000).default(''),
});
export type DispatchItemInput = z.input<typeof DispatchItemInput>;

/** PUT /api/dispatch/sheets/:id: the editor's save — title, notes, and the items in their order (left out: removed). */
export const DispatchSheetEditBody = z.object({
  version: z.number().int(),
  title: line(1, 200),
  notes: prose(0, 2000).default(''),
  items: z.array(DispatchItemInput).max(500),
});
export type DispatchSheetEditBody = z.input<typeof DispatchSheetEditBody>;

/** Who was there; an absent person comes with the reason (请假、出差…). */
export const DispatchAttendeeInput = z.object({
  personId: Id,
  present: z.boolean(),
  absenceReason: line(0, 200).nullable().optional(),
});
export type DispatchAttendeeInput = z.input<typeof DispatchAttendeeInput>;

/** PUT /api/dispatch/sheets/:id/meeting: the meeting as held (its date not in the future); the sheet becomes 已召开. */
export const DispatchMeetingBody = z.object({
  version: z.number().int(),
  date: CalendarDate,
  time: MeetingTime,
  place: line(1, 100),
  chairPersonId: Id,
  minutes: prose(0, 5000).default(''),
  attendees: z.array(DispatchAttendeeInput).min(1).max(200),
});
export type DispatchMeetingBody = z.input<typeof DispatchMeetingBody>;

/** POST /api/dispatch/sheets/:id/decisions: 议定事项 — what, who (a department, optionally a person of it), by when. */
export const DispatchDecisionBody = z.object({
  version: z.number().int(),
  text: prose(1, 2000),
  itemId: Id.nullable().optional(),
  ownerDepartmentId: Id,
  ownerPersonId: Id.nullable().optional(),
  dueDate: CalendarDate,
  /** the measure (举措) its task goes under; by default the measure of the item's task */
  measureId: Id.nullable().optional(),
});
export type DispatchDecisionBody = z.input<typeof DispatchDecisionBody>;

export const DispatchDecisionParams = z.object({ id: Id, decisionId: Id });
export const DispatchVersionQuery = z.object({ version: z.coerce.number().int() });

/** POST …/decisions/:decisionId/task: one click; a measure only when the decision has none. */
export const DispatchMakeTaskBody = z.object({
  version: z.number().int(),
  measureId: Id.nullable().optional(),
});
export type DispatchMakeTaskBody = z.input<typeof DispatchMakeTaskBody>;

export const DispatchCloseBody = z.object({ version: z.number().int() });
export type DispatchCloseBody = z.input<typeof DispatchCloseBody>;
