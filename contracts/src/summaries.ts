import { z } from 'zod';
import { Id, Instant, line, PageQuery, pageOf, prose } from './common.ts';
import { CalendarDate } from './calendar.ts';

/**
 * 一月一小结 and 半年一总结. At the end of each month every department is asked for its monthly
 * summary (月度小结) on a template prefilled with its own task figures; the office returns or accepts
 * it and compiles the area's monthly summary from the accepted ones. Every half year departments
 * submit typical experiences (典型经验); the office selects and edits them and publishes a collection
 * (汇编). Compiled documents: draft → published (numbered, immutable).
 */

const yearOk = (y: number) => y >= 2000 && y <= 2199;

/** A calendar month, 2026-03. */
export const SummaryMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
  .refine((m) => yearOk(Number(m.slice(0, 4))), 'year');
export type SummaryMonth = z.infer<typeof SummaryMonth>;

/** A half year, 2026-H1 (January–June) or 2026-H2 (July–December). */
export const HalfYear = z
  .string()
  .regex(/^\d{4}-H[12]$/, 'YYYY-H1')
  .refine((h) => yearOk(Number(h.slice(0, 4))), 'year');
export type HalfYear = z.infer<typeof HalfYear>;

/** 已通知待报送 · 已报送待审核 · 已退回 · 已通过 */
export const MonthlySummaryStatus = z.enum(['requested', 'submitted', 'returned', 'accepted']);
export type MonthlySummaryStatus = z.infer<typeof MonthlySummaryStatus>;

/** A department's task figures for a month: frozen at submission, live before. */
export const MonthFigures = z.object({
  /** 本月办结 */
  closed: z.number().int(),
  /** 其中按期办结 */
  closedOnTime: z.number().int(),
  /** 按期办结率, percent with one decimal; null when nothing was closed */
  onTimeRate: z.number().nullable(),
  /** 逾期未办结, as of `asOf` */
  overdue: z.number().int(),
  /** 在办 */
  open: z.number().int(),
  /** the figures are as of this date: the day of submission, at most the month's last day */
  asOf: CalendarDate,
});
export type MonthFigures = z.infer<typeof MonthFigures>;

export const MonthlySummaryAbilities = z.object({
  submit: z.boolean(),
  return: z.boolean(),
  accept: z.boolean(),
});
export type MonthlySummaryAbilities = z.infer<typeof MonthlySummaryAbilities>;

export const MonthlySummary = z.object({
  id: Id,
  month: SummaryMonth,
  departmentId: Id,
  departmentName: z.string(),
  status: MonthlySummaryStatus,
  dueDate: CalendarDate,
  /** 逾期未报: not submitted (or returned and not resubmitted) after its due date */
  late: z.boolean(),
  figures: MonthFigures,
  /** true once submitted: the figures are those the department reported */
  figuresFrozen: z.boolean(),
  highlights: z.string(),
  problems: z.string(),
  nextPlan: z.string(),
  returnReason: z.string().nullable(),
  returnCount: z.number().int(),
  submittedAt: Instant.nullable(),
  submittedByName: z.string().nullable(),
  reviewedAt: Instant.nullable(),
  reviewedByName: z.string().nullable(),
  /** the published compiled monthly summary carrying it */
  documentId: Id.nullable(),
  version: z.number().int(),
  abilities: MonthlySummaryAbilities,
});
export type MonthlySummary = z.infer<typeof MonthlySummary>;

export const MonthlySummaryQuery = PageQuery.extend({
  month: SummaryMonth.optional(),
  departmentId: Id.optional(),
  status: MonthlySummaryStatus.optional(),
});
export type MonthlySummaryQuery = z.input<typeof MonthlySummaryQuery>;
export const MonthlySummaryPage = pageOf(MonthlySummary);
export type MonthlySummaryPage = z.infer<typeof MonthlySummaryPage>;

/** GET /api/summaries/monthly/form: a department's month; month by default the latest one open for summaries. */
export const MonthlySummaryFormQuery = z.object({ month: SummaryMonth.optional(), departmentId: Id.optional() });
export type MonthlySummaryFormQuery = z.input<typeof MonthlySummaryFormQuery>;

/** A task closed in the month, for the highlights the template suggests. */
export const ClosedTaskLine = z.object({ code: z.string(), title: z.string(), onTime: z.boolean() });
export type ClosedTaskLine = z.infer<typeof ClosedTaskLine>;

/** The template of a department's monthly summary: its figures, what it wrote so far, whether it may submit now. */
export const MonthlySummaryForm = z.object({
  month: SummaryMonth,
  departmentId: Id,
  departmentName: z.string(),
  /** the month's last working day: summaries open then (the day the request goes out) */
  opensOn: CalendarDate,
  monthEnded: z.boolean(),
  dueDate: CalendarDate,
  figures: MonthFigures,
  closedTasks: z.array(ClosedTaskLine),
  /** 工作亮点 prefilled from the tasks closed in the month */
  suggestedHighlights: z.string(),
  summary: MonthlySummary.nullable(),
  canSubmit: z.boolean(),
});
export type MonthlySummaryForm = z.infer<typeof MonthlySummaryForm>;

/** POST /api/summaries/monthly: a department submits (or resubmits) its summary of a month. */
export const MonthlySummarySubmitBody = z.object({
  month: SummaryMonth,
  /** by default the actor's own department */
  departmentId: Id.optional(),
  /** the version read, when the summary existed (requested or returned) */
  version: z.number().int().optional(),
  highlights: prose(1, 5000),
  problems: prose(0, 5000).default(''),
  nextPlan: prose(1, 5000),
});
export type MonthlySummarySubmitBody = z.input<typeof MonthlySummarySubmitBody>;

export const MonthlySummaryReturnBody = z.object({ version: z.number().int(), reason: prose(1, 1000) });
export type MonthlySummaryReturnBody = z.input<typeof MonthlySummaryReturnBody>;
export const MonthlySummaryAcceptBody = z.object({ version: z.number().int() });
export type MonthlySummaryAcceptBody = z.input<typeof MonthlySummaryAcceptBody>;

/** 已提交 · 已入选 · 已发布（汇编后不可再改） */
export const ExperienceStatus = z.enum(['submitted', 'selected', 'published']);
export type ExperienceStatus = z.infer<typeof ExperienceStatus>;

export const Experience = z.object({
  id: Id,
  period: HalfYear,
  departmentId: Id,
  departmentName: z.string(),
  title: z.string(),
  text: z.string(),
  status: ExperienceStatus,
  submittedAt: Instant,
  submittedByName: z.string(),
  selectedAt: Instant.nullable(),
  /** the office member who last edited it; null while it is as the department wrote it */
  editedByName: z.string().nullable(),
  documentId: Id.nullable(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), select: z.boolean() }),
});
export type Experience = z.infer<typeof Experience>;

export const ExperienceQuery = PageQuery.extend({
  period: HalfYear.optional(),
  departmentId: Id.optional(),
  status: ExperienceStatus.optional(),
});
export type ExperienceQuery = z.input<typeof ExperienceQuery>;
export const ExperiencePage = pageOf(Experience);
export type ExperiencePage = z.infer<typeof ExperiencePage>;

/** POST /api/summaries/experiences: half year by default the current one; department by default the actor's own. */
export const ExperienceSubmitBody = z.object({
  period: HalfYear.optional(),
  departmentId: Id.optional(),
  title: line(1, 100),
  text: prose(1, 20000),
});
export type ExperienceSubmitBody = z.input<typeof ExperienceSubmitBody>;

export const ExperienceEditBody = z.object({ version: z.number().int(), title: line(1, 100), text: prose(1, 20000) });
export type ExperienceEditBody = z.input<typeof ExperienceEditBody>;

/** 遴选: into the half year's collection, or out of it again */
export const ExperienceSelectBody = z.object({ version: z.number().int(), selected: z.boolean() });
export type ExperienceSelectBody = z.input<typeof ExperienceSelectBody>;

/** 月度工作小结 of a month · 典型经验汇编 of a half year */
export const SummaryDocumentKind = z.enum(['monthly', 'experiences']);
export type SummaryDocumentKind = z.infer<typeof SummaryDocumentKind>;
export const SummaryDocumentStatus = z.enum(['draft', 'published']);
export type SummaryDocumentStatus = z.infer<typeof SummaryDocumentStatus>;

/** 机关代字 of the document number: Chinese characters or Latin letters (赣新勤廉). */
export const NumberPrefix = z
  .string()
  .trim()
  .regex(/^[\p{Script=Han}A-Za-z]{1,20}$/u, 'prefix');

export const SummaryDocumentListItem = z.object({
  id: Id,
  kind: SummaryDocumentKind,
  period: z.string(),
  title: z.string(),
  status: SummaryDocumentStatus,
  number: z.string().nullable(),
  draftedAt: Instant,
  publishedAt: Instant.nullable(),
  version: z.number().int(),
});
export type SummaryDocumentListItem = z.infer<typeof SummaryDocumentListItem>;

/** What a compiled document is made of: a department's accepted summary, or a selected experience. */
export const SummaryDocumentEntry = z.object({
  id: Id,
  departmentName: z.string(),
  title: z.string(),
});
export type SummaryDocumentEntry = z.infer<typeof SummaryDocumentEntry>;

export const SummaryDocument = SummaryDocumentListItem.extend({
  organ: z.string(),
  numberPrefix: z.string(),
  intro: z.string(),
  draftedByName: z.string(),
  publishedByName: z.string().nullable(),
  /** a draft: what it would compile now; published: what it carries */
  entries: z.array(SummaryDocumentEntry),
  /** monthly: departments asked for the month that have no accepted summary yet (drafts only) */
  missing: z.array(z.string()),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean() }),
});
export type SummaryDocument = z.infer<typeof SummaryDocument>;

export const SummaryDocumentQuery = PageQuery.extend({ kind: SummaryDocumentKind.optional(), status: SummaryDocumentStatus.optional() });
export type SummaryDocumentQuery = z.input<typeof SummaryDocumentQuery>;
export const SummaryDocumentPage = pageOf(SummaryDocumentListItem);
export type SummaryDocumentPage = z.infer<typeof SummaryDocumentPage>;

/** POST /api/summaries/documents: a month (2026-03) for `monthly`, a half year (2026-H1) for `experiences`. */
export const SummaryDocumentDraftBody = z.object({
  kind: SummaryDocumentKind,
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|H[12])$/, 'YYYY-MM or YYYY-H1'),
});
export type SummaryDocumentDraftBody = z.input<typeof SummaryDocumentDraftBody>;

export const SummaryDocumentEditBody = z.object({
  version: z.number().int(),
  title: line(1, 200),
  organ: line(1, 100),
  numberPrefix: NumberPrefix,
  intro: prose(0, 5000).default(''),
});
export type SummaryDocumentEditBody = z.input<typeof SummaryDocumentEditBody>;

export const SummaryDocumentPublishBody = z.object({ version: z.number().int() });
export type SummaryDocumentPublishBody = z.input<typeof SummaryDocumentPublishBody>;

/** The HTML preview of the document as it would print (escaped, no scripts). */
export const SummaryDocumentPreview = z.object({ html: z.string() });
export type SummaryDocumentPreview = z.infer<typeof SummaryDocumentPreview>;
