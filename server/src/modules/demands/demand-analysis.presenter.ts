import type {
  AnalysisFigure,
  DemandAnalysis,
  DemandCluster,
  DemandClusterDetail,
  DemandClusterMember,
  DemandClusterStatus,
  Feasibility,
  PublicLivelihoodProject,
  PublicProjectStage,
  TaskStatus,
  WordWeight,
} from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { analysisPolicy, clusterAbilities } from './demand-analysis.policy.ts';
import type { AnalysisRow, ClusterRow, FigureRow } from './demand-analysis.repo.ts';
import type { SolicitationRow } from './demands.repo.ts';

/** Department names by id, for the responsible department of each cluster. */
export type DepartmentNames = ReadonlyMap<string, { name: string }>;

const nameOf = (names: DepartmentNames, id: string | null) => (id ? (names.get(id)?.name ?? null) : null);

export function presentCluster(actor: Actor, row: ClusterRow, names: DepartmentNames): DemandCluster {
  return {
    id: row.id,
    rank: row.rank,
    label: row.label,
    headline: row.headline,
    status: row.status as DemandClusterStatus,
    people: row.people,
    items: row.items,
    urgent: row.urgent,
    topWords: JSON.parse(row.topWords) as WordWeight[],
    categories: JSON.parse(row.categories) as DemandCluster['categories'],
    estimatedCost: row.estimatedCost === null ? null : Number(row.estimatedCost),
    feasibility: row.feasibility as Feasibility | null,
    responsibleDepartmentId: row.responsibleDepartmentId,
    responsibleDepartmentName: nameOf(names, row.responsibleDepartmentId),
    projectTitle: row.projectTitle,
    projectYear: row.projectYear,
    taskId: row.taskId,
    version: row.version,
    abilities: clusterAbilities(actor, row),
  };
}

const figuresOf = (rows: FigureRow[], dimension: string): AnalysisFigure[] =>
  rows
    .filter((r) => r.dimension === dimension)
    .map((r) => ({ key: r.key, label: r.label, people: r.people, items: r.items, urgent: r.urgent }));

export type AnalysisView = {
  campaign: SolicitationRow;
  analysis: AnalysisRow | undefined;
  clusters: ClusterRow[];
  figures: FigureRow[];
  names: DepartmentNames;
  newSince: boolean;
};

export function presentAnalysis(actor: Actor, v: AnalysisView): DemandAnalysis {
  const a = v.analysis;
  return {
    solicitation: { id: v.campaign.id, title: v.campaign.title, opensOn: v.campaign.opensOn, closesOn: v.campaign.closesOn },
    computedAt: a?.computedAt ?? null,
    computedByName: a?.computedByName ?? null,
    from: a?.periodFrom ?? null,
    to: a?.periodTo ?? null,
    includeDemands: a?.includeDemands === 1,
    newSince: v.newSince,
    totals: { items: a?.items ?? 0, people: a?.people ?? 0, urgent: a?.urgent ?? 0, clusters: a?.clusters ?? 0 },
    clusters: v.clusters.map((c) => presentCluster(actor, c, v.names)),
    words: figuresOf(v.figures, 'word').map((f) => ({ word: f.key, weight: f.people })),
    byCategory: figuresOf(v.figures, 'category'),
    byArea: figuresOf(v.figures, 'area'),
    byWeek: figuresOf(v.figures, 'week'),
    abilities: {
      recompute: analysisPolicy.allowed(actor, 'evaluate', {}),
      evaluate: analysisPolicy.allowed(actor, 'evaluate', {}),
      select: analysisPolicy.allowed(actor, 'select', {}),
    },
  };
}

export type ClusterDetailView = {
  row: ClusterRow;
  solicitationId: string;
  names: DepartmentNames;
  members: DemandClusterMember[];
  taskCode: string | null;
};

export function presentClusterDetail(actor: Actor, v: ClusterDetailView): DemandClusterDetail {
  const r = v.row;
  return {
    ...presentCluster(actor, r, v.names),
    solicitationId: v.solicitationId,
    members: v.members,
    feasibilityNote: r.feasibilityNote,
    markedAt: r.markedAt,
    markedByName: r.markedByName,
    evaluatedAt: r.evaluatedAt,
    evaluatedByName: r.evaluatedByName,
    selectedAt: r.selectedAt,
    selectedByName: r.selectedByName,
    taskCode: v.taskCode,
    withdrawnAt: r.withdrawnAt,
    withdrawnByName: r.withdrawnByName,
    withdrawnReason: r.withdrawnReason,
  };
}

/** A task's state as the public reads it: not started, under way, being checked, done. */
const STAGE_OF: Record<TaskStatus, PublicProjectStage> = {
  draft: 'preparing',
  assigned: 'preparing',
  refused: 'preparing',
  accepted: 'under_way',
  in_progress: 'under_way',
  report_review: 'under_way',
  close_review: 'completing',
  close_requested: 'completing',
  closed: 'done',
};

/** What the task module tells of a project's task. */
export type ProjectTask = { status: string; progress: number; startDate: string; dueDate: string };

/**
 * 民生实事项目 on the public page: the project, how many asked and in what words, who does it and how
 * far it is — the leadership group's and the task's facts only, nothing of any submitter or officer.
 */
export function presentPublicProject(
  row: ClusterRow,
  task: ProjectTask | undefined,
  departmentName: string | null,
): PublicLivelihoodProject {
  const withdrawn = row.status === 'withdrawn';
  return {
    id: row.id,
    title: row.projectTitle ?? row.headline,
    label: row.label,
    people: row.people,
    categories: (JSON.parse(row.categories) as { name: string }[]).map((c) => c.name),
    departmentName,
    estimatedCost: row.estimatedCost === null ? null : Number(row.estimatedCost),
    stage: withdrawn ? 'withdrawn' : task ? (STAGE_OF[task.status as TaskStatus] ?? 'preparing') : 'preparing',
    progress: task ? Math.max(0, Math.min(100, Math.round(task.progress))) : 0,
    startDate: task?.startDate ?? null,
    dueDate: task?.dueDate ?? null,
    withdrawnReason: withdrawn ? row.withdrawnReason : null,
  };
}
