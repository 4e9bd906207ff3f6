import { z } from 'zod';
import { Id, Instant, line, PageQuery, pageOf, prose } from './common.ts';
import { CalendarDate } from './calendar.ts';
import { SignedChainHead } from './audit-checkpoints.ts';

/**
 * 一季一通报 (quarterly bulletin): departments ranked on configurable indicators over a quarter, the
 * best and the worst named with their figures, the overdue items listed, leaders' comments (领导点评);
 * draft → review → published. A published bulletin carries its document number (发文字号) and the
 * audit chain's signed head, and never changes again.
 */

/** 草稿 · 送审中（领导点评） · 已发布（不可再改） */
export const BulletinStatus = z.enum(['draft', 'review', 'published']);
export type BulletinStatus = z.infer<typeof BulletinStatus>;

/** 按时办结率 · 办结率 · 红灯数 · 退回次数 · 群众评价 */
export const BulletinIndicatorKey = z.enum(['on_time_rate', 'close_rate', 'red_count', 'returned_count', 'public_rating']);
export type BulletinIndicatorKey = z.infer<typeof BulletinIndicatorKey>;
export const BULLETIN_INDICATOR_KEYS = BulletinIndicatorKey.options;

/** Whether a higher figure ranks a department higher (rates) or lower (red items, returns). */
export const IndicatorDirection = z.enum(['higher', 'lower']);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

export const BulletinIndicator = z.object({
  key: BulletinIndicatorKey,
  /** a share of the score; the weights of one ranking add up to 100 */
  weight: z.number().int().min(0).max(100),
  direction: IndicatorDirection,
});
export type BulletinIndicator = z.infer<typeof BulletinIndicator>;
export const BulletinIndicators = z.array(BulletinIndicator).min(1).max(BULLETIN_INDICATOR_KEYS.length);

export const BulletinQuarter = z.number().int().min(1).max(4);

/** The first and last day (Asia/Shanghai calendar dates) of a quarter. */
export function quarterSpan(year: number, quarter: number): { start: string; end: string } {
  const first = 3 * quarter - 2;
  const last = new Date(Date.UTC(year, 3 * quarter, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(first + 2)}-${pad(last)}` };
}

/** The latest quarter that has ended by `today` (YYYY-MM-DD): on 2026-04-01, 2026 Q1. */
export function lastEndedQuarter(today: string): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

/** One department's figures over the quarter, as the snapshot holds them, with its place. */
export const BulletinRankingRow = z.object({
  departmentId: Id,
  departmentName: z.string(),
  /** 1 for the best; null: nothing to rank it on (no figure of any weighted indicator) */
  rank: z.number().int().nullable(),
  /** the weighted score out of 100, two decimals */
  score: z.number().nullable(),
  /** 办结: closed within the quarter */
  closed: z.number().int(),
  /** 按期办结: of those, closed by their original due date */
  closedOnTime: z.number().int(),
  /** 逾期未办结: open at the quarter's end and due by then */
  overdue: z.number().int(),
  /** 红灯: open and red when the figures were taken */
  red: z.number().int(),
  /** 退回: close-outs the office returned within the quarter */
  returned: z.number().int(),
  /** 按时办结率, percent with one decimal; null when nothing closed */
  onTimeRate: z.number().nullable(),
  /** 办结率 = closed / (closed + overdue), percent; null when neither */
  closeRate: z.number().nullable(),
  /** 群众评价, average of 1–5; null: no source of it per department and quarter yet */
  publicRating: z.number().nullable(),
  best: z.boolean(),
  worst: z.boolean(),
});
export type BulletinRankingRow = z.infer<typeof BulletinRankingRow>;

/** An item open and past its due date at the quarter's end. */
export const BulletinOverdueItem = z.object({
  taskId: Id,
  code: z.string(),
  title: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  dueDate: CalendarDate,
  /** working days from the due date to the quarter's end */
  daysOverdue: z.number().int(),
});
export type BulletinOverdueItem = z.infer<typeof BulletinOverdueItem>;

export const BulletinComment = z.object({
  id: Id,
  authorName: z.string(),
  authorTitle: z.string(),
  text: z.string(),
  createdAt: Instant,
  /** the actor may take it back (their own, or the office's, before publication) */
  removable: z.boolean(),
});
export type BulletinComment = z.infer<typeof BulletinComment>;

/** The totals over every department in the snapshot; `ranked` of them had something closed or overdue. */
export const BulletinTotals = z.object({
  departments: z.number().int(),
  ranked: z.number().int(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  overdue: z.number().int(),
  red: z.number().int(),
  returned: z.number().int(),
  onTimeRate: z.number().nullable(),
  closeRate: z.number().nullable(),
});
export type BulletinTotals = z.infer<typeof BulletinTotals>;

/** What the actor may do with the bulletin now (the buttons the console shows). */
export const BulletinAbilities = z.object({
  edit: z.boolean(),
  /** weights and an explicit recompute: drafts only */
  recompute: z.boolean(),
  submit: z.boolean(),
  returnToDraft: z.boolean(),
  comment: z.boolean(),
  publish: z.boolean(),
});
export type BulletinAbilities = z.infer<typeof BulletinAbilities>;

/** The signed head as a bulletin carries it (`seq` from 1, written so every OpenAPI 3.0 reader takes it). */
export const BulletinSignedHead = SignedChainHead.extend({ seq: z.number().int().min(1) });

export const Bulletin = z.object({
  id: Id,
  planId: Id,
  planName: z.string(),
  year: z.number().int(),
  quarter: BulletinQuarter,
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  title: z.string(),
  summary: z.string(),
  requirements: z.string(),
  status: BulletinStatus,
  indicators: z.array(BulletinIndicator),
  ranking: z.array(BulletinRankingRow),
  totals: BulletinTotals,
  overdue: z.array(BulletinOverdueItem),
  /** overdue items beyond those listed (the oldest come first) */
  overdueOmitted: z.number().int(),
  comments: z.array(BulletinComment),
  computedAt: Instant,
  number: z.string().nullable(),
  publishedAt: Instant.nullable(),
  publishedByName: z.string().nullable(),
  signedHead: BulletinSignedHead.nullable(),
  draftedByName: z.string(),
  draftedAt: Instant,
  version: z.number().int(),
  abilities: BulletinAbilities,
});
export type Bulletin = z.infer<typeof Bulletin>;

export const BulletinSummary = z.object({
  id: Id,
  planId: Id,
  year: z.number().int(),
  quarter: BulletinQuarter,
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  title: z.string(),
  status: BulletinStatus,
  number: z.string().nullable(),
  departmentCount: z.number().int(),
  bestName: z.string().nullable(),
  worstName: z.string().nullable(),
  publishedAt: Instant.nullable(),
  version: z.number().int(),
});
export type BulletinSummary = z.infer<typeof BulletinSummary>;

export const BulletinQuery = PageQuery.extend({
  planId: Id.optional(),
  status: BulletinStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2199).optional(),
});
export type BulletinQuery = z.input<typeof BulletinQuery>;
/** A page of bulletins, newest quarter first, and the latest quarter that has ended (to draft). */
export const BulletinPage = pageOf(BulletinSummary).extend({
  lastEndedQuarter: z.object({ year: z.number().int(), quarter: BulletinQuarter, start: CalendarDate, end: CalendarDate }),
});
export type BulletinPage = z.infer<typeof BulletinPage>;

/** POST /api/bulletins: draft the bulletin of a plan's quarter (the quarter must have ended). */
export const BulletinDraftBody = z.object({
  planId: Id,
  year: z.number().int().min(2000).max(2199),
  quarter: BulletinQuarter,
});
export type BulletinDraftBody = z.input<typeof BulletinDraftBody>;

/** PUT /api/bulletins/:id: the text parts; `indicators` (drafts only) re-ranks the snapshot with new weights. */
export const BulletinEditBody = z.object({
  version: z.number().int(),
  title: line(1, 200),
  summary: prose(0, 5000).default(''),
  requirements: prose(0, 5000).default(''),
  indicators: BulletinIndicators.optional(),
});
export type BulletinEditBody = z.input<typeof BulletinEditBody>;

/** Recompute, submit, return to draft. */
export const BulletinVersionBody = z.object({ version: z.number().int() });
export type BulletinVersionBody = z.input<typeof BulletinVersionBody>;

/** POST /api/bulletins/:id/publish: the next number of the series, or one typed by hand (409 when it is taken). */
export const BulletinPublishBody = z.object({
  version: z.number().int(),
  number: line(1, 40).optional(),
});
export type BulletinPublishBody = z.input<typeof BulletinPublishBody>;

/** POST /api/bulletins/:id/comments: 领导点评. */
export const BulletinCommentBody = z.object({ text: prose(1, 2000) });
export type BulletinCommentBody = z.input<typeof BulletinCommentBody>;
export const BulletinCommentParams = z.object({ id: Id, commentId: Id });

/** 机关代字: Chinese characters or Latin letters (as document-numbers reads them). */
export const DocumentPrefix = z
  .string()
  .trim()
  .regex(/^[\p{Script=Han}A-Za-z]{1,20}$/u, 'prefix');

/** A plan's bulletin settings: indicators, the number series and the letterhead. */
export const BulletinSettings = z.object({
  planId: Id,
  documentPrefix: z.string(),
  organ: z.string(),
  organMark: z.string(),
  recipients: z.array(z.string()),
  indicators: z.array(BulletinIndicator),
  /** indicators with no source yet, whose weight must stay 0 (群众评价) */
  unavailable: z.array(BulletinIndicatorKey),
  version: z.number().int(),
  updatedByName: z.string().nullable(),
  updatedAt: Instant.nullable(),
  canManage: z.boolean(),
});
export type BulletinSettings = z.infer<typeof BulletinSettings>;

/** PUT /api/bulletin-settings/:planId. `version`: 0 while the plan still has the defaults. */
export const BulletinSettingsBody = z.object({
  version: z.number().int().min(0),
  documentPrefix: DocumentPrefix,
  organ: line(1, 100),
  organMark: line(0, 100).default(''),
  recipients: z.array(line(1, 50)).max(20),
  indicators: BulletinIndicators,
});
export type BulletinSettingsBody = z.input<typeof BulletinSettingsBody>;
export const BulletinPlanParams = z.object({ planId: Id });

/** GET /api/bulletins/:id/preview: the document as the DOCX will print it, as escaped HTML. */
export const BulletinPreview = z.object({ html: z.string(), fileName: z.string() });
export type BulletinPreview = z.infer<typeof BulletinPreview>;
