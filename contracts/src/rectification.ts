import { z } from 'zod';
import { Id, Instant, line, PageQuery, pageOf, prose } from './common.ts';
import { CalendarDate } from './calendar.ts';
import { Timer } from './time-limits.ts';

/**
 * 整改 (rectification): something a department must explain or fix within a working-day limit —
 * a bad review of the public (差评) now, inspection findings and spot checks later. The department
 * head owns it unless they assign a member of the department; the owner submits an explanation or a
 * fix with an evidence note; the office verifies it (办结) or returns it with a reason; an upheld
 * appeal withdraws it. 回访 (revisit) is recorded by the office once the department has submitted.
 */

/** Where an item comes from: 差评, 督查检查发现的问题, 台账抽查, 其他（办公室手工登记） */
export const RectificationSource = z.enum(['bad_review', 'demand_review', 'inspection', 'spot_check', 'other']);
export type RectificationSource = z.infer<typeof RectificationSource>;

/** 待整改 · 待核实 · 已退回 · 已办结 · 已撤销（申诉成立） */
export const RectificationStatus = z.enum(['open', 'submitted', 'returned', 'verified', 'withdrawn']);
export type RectificationStatus = z.infer<typeof RectificationStatus>;

/** 情况说明 (the finding was explained) or 已整改 (it was fixed) */
export const RectificationResolution = z.enum(['explained', 'fixed']);
export type RectificationResolution = z.infer<typeof RectificationResolution>;

/** 回访方式: 电话、上门、短信/留言 */
export const RevisitWay = z.enum(['phone', 'visit', 'message']);
export type RevisitWay = z.infer<typeof RevisitWay>;

/** 回访结果: 满意、不满意、联系不上 */
export const RevisitOutcome = z.enum(['satisfied', 'unsatisfied', 'unreachable']);
export type RevisitOutcome = z.infer<typeof RevisitOutcome>;

export const RectificationAction = z.enum(['open', 'assign', 'submit', 'verify', 'return', 'revisit', 'withdraw']);
export type RectificationAction = z.infer<typeof RectificationAction>;

/** What the actor may do with the item now (the buttons the console shows). */
export const RectificationAbilities = z.object({
  assign: z.boolean(),
  submit: z.boolean(),
  verify: z.boolean(),
  return: z.boolean(),
  revisit: z.boolean(),
});
export type RectificationAbilities = z.infer<typeof RectificationAbilities>;

export const RectificationItem = z.object({
  id: Id,
  code: z.string(),
  source: RectificationSource,
  sourceId: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  personId: Id.nullable(),
  personName: z.string().nullable(),
  ownerPersonId: Id.nullable(),
  ownerName: z.string().nullable(),
  title: z.string(),
  status: RectificationStatus,
  /** a 回访 is on record (已回访) */
  revisited: z.boolean(),
  createdAt: Instant,
  /** the deadline and what is left of it, from the time-limits timer */
  dueOn: CalendarDate,
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  /** the time-limits timer as every timed page shows it (DeadlineTag); null for a withdrawn item or one without a timer */
  timer: Timer.nullable(),
  version: z.number().int(),
  abilities: RectificationAbilities,
});
export type RectificationItem = z.infer<typeof RectificationItem>;

export const RectificationEvent = z.object({
  id: Id,
  action: RectificationAction,
  actorName: z.string(),
  note: z.string().nullable(),
  attachmentRef: z.string().nullable(),
  /** assign: the new owner */
  ownerName: z.string().nullable(),
  at: Instant,
});
export type RectificationEvent = z.infer<typeof RectificationEvent>;

export const RectificationRevisit = z.object({
  id: Id,
  revisitedOn: CalendarDate,
  way: RevisitWay,
  /** masked (张**, 138****5678) unless the reader may verify (the office) */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  outcome: RevisitOutcome,
  note: z.string().nullable(),
  byName: z.string(),
  createdAt: Instant,
});
export type RectificationRevisit = z.infer<typeof RectificationRevisit>;

export const Rectification = RectificationItem.extend({
  detail: z.string(),
  resolution: RectificationResolution.nullable(),
  resolutionNote: z.string().nullable(),
  attachmentRef: z.string().nullable(),
  submittedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  /** the timer stopped (verified): done on or before the deadline */
  onTime: z.boolean().nullable(),
  events: z.array(RectificationEvent),
  revisits: z.array(RectificationRevisit),
  /** whom the owner may be assigned to (people at work in the department); empty unless abilities.assign */
  ownerCandidates: z.array(z.object({ id: Id, name: z.string(), title: z.string().nullable() })),
});
export type Rectification = z.infer<typeof Rectification>;

const booleanText = z.enum(['true', 'false']);

/**
 * The list: by status, department, source; `overdue=true` is past its deadline and not yet verified;
 * `desk=handle` (待整改, the desk's section): open or returned items I may submit — owned by me, or of
 * my department while nobody owns them or I head it.
 */
export const RectificationQuery = PageQuery.extend({
  desk: z.enum(['handle']).optional(),
  status: RectificationStatus.optional(),
  departmentId: Id.optional(),
  source: RectificationSource.optional(),
  overdue: booleanText.optional(),
  revisited: booleanText.optional(),
});
export type RectificationQuery = z.input<typeof RectificationQuery>;
export const RectificationPage = pageOf(RectificationItem).extend({
  /** how many of the filtered items are in each status (the tabs), and overdue */
  counts: z.record(z.string(), z.number().int()),
});
export type RectificationPage = z.infer<typeof RectificationPage>;

/** POST /api/rectifications — the office opens one by hand (source 'other'). */
export const RectificationCreateBody = z.object({
  departmentId: Id,
  personId: Id.nullable().optional(),
  title: line(1, 200),
  detail: prose(1, 4000),
  /** by default the time-limits rule's working days after today */
  dueOn: CalendarDate.optional(),
});
export type RectificationCreateBody = z.input<typeof RectificationCreateBody>;

const version = z.number().int();

export const RectificationAssignBody = z.object({ ownerPersonId: Id, version });
export type RectificationAssignBody = z.input<typeof RectificationAssignBody>;

export const RectificationSubmitBody = z.object({
  resolution: RectificationResolution,
  /** what was found or done, and where the evidence is */
  note: prose(1, 4000),
  /** 佐证材料出处: a document number, ledger entry, link … */
  attachmentRef: line(1, 500).nullable().optional(),
  version,
});
export type RectificationSubmitBody = z.input<typeof RectificationSubmitBody>;

export const RectificationVerifyBody = z.object({ note: prose(1, 2000).nullable().optional(), version });
export type RectificationVerifyBody = z.input<typeof RectificationVerifyBody>;

export const RectificationReturnBody = z.object({ reason: prose(1, 2000), version });
export type RectificationReturnBody = z.input<typeof RectificationReturnBody>;

export const RectificationRevisitBody = z.object({
  revisitedOn: CalendarDate,
  way: RevisitWay,
  contactName: line(1, 50).nullable().optional(),
  contactPhone: line(3, 30).nullable().optional(),
  outcome: RevisitOutcome,
  note: prose(1, 2000).nullable().optional(),
  version,
});
export type RectificationRevisitBody = z.input<typeof RectificationRevisitBody>;
