import { z } from 'zod';
import { CalendarDate } from './calendar.ts';
import { Id, Instant, line, prose } from './common.ts';
import { DemandKind, DemandStatus } from './demands.ts';

/**
 * 汇总、分析、论证 (issue 14, item 5): a solicitation campaign's suggestions grouped into clusters
 * (议题) by their words, ranked by how many people asked and how urgent; figures by category, area
 * (片区) and week; the leadership group's evaluation (论证) and the year's livelihood projects
 * (民生实事项目) it selects, each a supervised task whose progress the public follows.
 */

/**
 * open 待论证 (as computed) · evaluating 论证中 · evaluated 已论证 (cost, feasibility, department
 * recorded) · selected 已列为民生实事项目 · withdrawn 已撤销 (a selected project dropped, with its reason).
 * Every state but open survives a recompute.
 */
export const DemandClusterStatus = z.enum(['open', 'evaluating', 'evaluated', 'selected', 'withdrawn']);
export type DemandClusterStatus = z.infer<typeof DemandClusterStatus>;

/** 可行性: high 高 · medium 中 · low 低 */
export const Feasibility = z.enum(['high', 'medium', 'low']);
export type Feasibility = z.infer<typeof Feasibility>;

/** A word and how many people used it (the word cloud's size). */
export const WordWeight = z.object({ word: z.string(), weight: z.number().int() });
export type WordWeight = z.infer<typeof WordWeight>;

/** One bar of a chart: a category, an area or an ISO week, with the people, items and urgent people it holds. */
export const AnalysisFigure = z.object({
  key: z.string(),
  /** empty: no category or area given */
  label: z.string(),
  people: z.number().int(),
  items: z.number().int(),
  urgent: z.number().int(),
});
export type AnalysisFigure = z.infer<typeof AnalysisFigure>;

export const DemandClusterAbilities = z.object({
  mark: z.boolean(),
  evaluate: z.boolean(),
  select: z.boolean(),
  withdraw: z.boolean(),
});
export type DemandClusterAbilities = z.infer<typeof DemandClusterAbilities>;

export const DemandCluster = z.object({
  id: Id,
  /** 1: the most people asked */
  rank: z.number().int(),
  /** its top words, joined */
  label: z.string(),
  /** the title of its item with the most people: what it is about, in a submitter's words */
  headline: z.string(),
  status: DemandClusterStatus,
  /** every submitter counts: an item with two merged into it is three people */
  people: z.number().int(),
  /** the items (merged ones with the item they joined) */
  items: z.number().int(),
  /** people whose item the office marked urgent */
  urgent: z.number().int(),
  topWords: z.array(WordWeight),
  categories: z.array(z.object({ name: z.string(), people: z.number().int() })),
  /** 估算投资, whole yuan */
  estimatedCost: z.number().int().nullable(),
  feasibility: Feasibility.nullable(),
  responsibleDepartmentId: Id.nullable(),
  responsibleDepartmentName: z.string().nullable(),
  projectTitle: z.string().nullable(),
  projectYear: z.number().int().nullable(),
  taskId: Id.nullable(),
  version: z.number().int(),
  abilities: DemandClusterAbilities,
});
export type DemandCluster = z.infer<typeof DemandCluster>;

/** POST /api/solicitations/:id/analysis: which items to group — the campaign's, narrowed to a period, with the period's demands if asked. */
export const DemandAnalysisRecomputeBody = z.object({
  /** first and last day received (Asia/Shanghai), both optional; the server refuses a `to` before `from` in words */
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  /** also the public's demands (急难愁盼, not in any campaign) received in the period — the campaign's own by default */
  includeDemands: z.boolean().default(false),
});
export type DemandAnalysisRecomputeBody = z.input<typeof DemandAnalysisRecomputeBody>;

/** GET /api/solicitations/:id/analysis: the kept figures of the last recompute (none yet: computedAt null, empty lists). */
export const DemandAnalysis = z.object({
  solicitation: z.object({ id: Id, title: z.string(), opensOn: z.string(), closesOn: z.string() }),
  computedAt: Instant.nullable(),
  computedByName: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  includeDemands: z.boolean(),
  /** suggestions have come in since: a recompute would count them */
  newSince: z.boolean(),
  totals: z.object({ items: z.number().int(), people: z.number().int(), urgent: z.number().int(), clusters: z.number().int() }),
  /** the first clusters by rank (at most 200), and every cluster under evaluation, selected or withdrawn */
  clusters: z.array(DemandCluster),
  words: z.array(WordWeight),
  byCategory: z.array(AnalysisFigure),
  byArea: z.array(AnalysisFigure),
  byWeek: z.array(AnalysisFigure),
  abilities: z.object({ recompute: z.boolean(), evaluate: z.boolean(), select: z.boolean() }),
});
export type DemandAnalysis = z.infer<typeof DemandAnalysis>;

/** An item of a cluster as the leadership group reads it: what was asked, never who asked. */
export const DemandClusterMember = z.object({
  id: Id,
  code: z.string(),
  kind: DemandKind,
  title: z.string(),
  status: DemandStatus,
  category: z.string().nullable(),
  area: z.string().nullable(),
  urgent: z.boolean(),
  people: z.number().int(),
  createdAt: Instant,
});
export type DemandClusterMember = z.infer<typeof DemandClusterMember>;

/** GET /api/demand-clusters/:id: the cluster, its items, and its evaluation and selection as recorded. */
export const DemandClusterDetail = DemandCluster.extend({
  solicitationId: Id,
  members: z.array(DemandClusterMember),
  feasibilityNote: z.string().nullable(),
  markedAt: Instant.nullable(),
  markedByName: z.string().nullable(),
  evaluatedAt: Instant.nullable(),
  evaluatedByName: z.string().nullable(),
  selectedAt: Instant.nullable(),
  selectedByName: z.string().nullable(),
  taskCode: z.string().nullable(),
  withdrawnAt: Instant.nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
});
export type DemandClusterDetail = z.infer<typeof DemandClusterDetail>;

/** POST /api/demand-clusters/:id/mark (列入论证): with the version read. */
export const DemandClusterVersionBody = z.object({ version: z.number().int() });
export type DemandClusterVersionBody = z.input<typeof DemandClusterVersionBody>;

/** PUT /api/demand-clusters/:id/evaluation (论证意见): may be revised until the cluster is selected. */
export const DemandClusterEvaluationBody = z.object({
  /** 估算投资, whole yuan */
  estimatedCost: z.number().int().min(0).max(999_999_999_999),
  feasibility: Feasibility,
  feasibilityNote: prose(0, 1000).default(''),
  responsibleDepartmentId: Id,
  version: z.number().int(),
});
export type DemandClusterEvaluationBody = z.input<typeof DemandClusterEvaluationBody>;

/**
 * POST /api/demand-clusters/:id/select (遴选为民生实事项目): a supervised task under a measure of a plan,
 * led by the department the evaluation named; the project's year is the plan's.
 */
export const DemandClusterSelectBody = z.object({
  measureId: Id,
  title: line(2, 100),
  /** 工作内容; the server writes where the project came from when left out */
  statement: prose(0, 2000).optional(),
  startDate: CalendarDate,
  /** not before startDate (the server says so in words) */
  dueDate: CalendarDate,
  version: z.number().int(),
});
export type DemandClusterSelectBody = z.input<typeof DemandClusterSelectBody>;

/** POST /api/demand-clusters/:id/withdraw (撤销项目): never silently — the reason is shown on the public page. */
export const DemandClusterWithdrawBody = z.object({ reason: prose(2, 500), version: z.number().int() });
export type DemandClusterWithdrawBody = z.input<typeof DemandClusterWithdrawBody>;

// ---------------------------------------------------------------------------------------------
// The public page (/p/projects/:year)

/** preparing 筹备中 · under_way 推进中 · completing 验收中 · done 已完成 · withdrawn 已撤销 */
export const PublicProjectStage = z.enum(['preparing', 'under_way', 'completing', 'done', 'withdrawn']);
export type PublicProjectStage = z.infer<typeof PublicProjectStage>;

/** GET /api/public/livelihood-projects?year=: a year's projects (the latest year with any when left out). */
export const LivelihoodProjectsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export type LivelihoodProjectsQuery = z.input<typeof LivelihoodProjectsQuery>;

/** A project as the public follows it: what, how many asked, who does it, how far along — no one's personal data. */
export const PublicLivelihoodProject = z.object({
  id: Id,
  title: z.string(),
  /** what people asked, in their words */
  label: z.string(),
  people: z.number().int(),
  categories: z.array(z.string()),
  departmentName: z.string().nullable(),
  estimatedCost: z.number().int().nullable(),
  stage: PublicProjectStage,
  /** 0–100 */
  progress: z.number().int(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
});
export type PublicLivelihoodProject = z.infer<typeof PublicLivelihoodProject>;

export const PublicLivelihoodProjects = z.object({
  /** null: no project selected yet */
  year: z.number().int().nullable(),
  /** the years that have projects, latest first */
  years: z.array(z.number().int()),
  items: z.array(PublicLivelihoodProject),
});
export type PublicLivelihoodProjects = z.infer<typeof PublicLivelihoodProjects>;
