/** One per campaign: the scope and totals of its last recompute (汇总分析). */
export interface DemandAnalysesTable {
  id: string;
  solicitationId: string;
  periodFrom: string | null;
  periodTo: string | null;
  includeDemands: number;
  items: number;
  people: number;
  urgent: number;
  clusters: number;
  lastDemandId: string | null;
  computedAt: string;
  computedByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 议题: items about the same thing, and the leadership group's evaluation and selection of it. */
export interface DemandClustersTable {
  id: string;
  analysisId: string;
  rank: number;
  label: string;
  headline: string;
  status: string;
  people: number;
  items: number;
  urgent: number;
  topWords: string;
  categories: string;
  estimatedCost: number | null;
  feasibility: string | null;
  feasibilityNote: string | null;
  responsibleDepartmentId: string | null;
  markedAt: string | null;
  markedByName: string | null;
  evaluatedAt: string | null;
  evaluatedByName: string | null;
  projectTitle: string | null;
  projectYear: number | null;
  taskId: string | null;
  selectedAt: string | null;
  selectedByName: string | null;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  withdrawnByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DemandClusterMembersTable {
  clusterId: string;
  demandId: string;
}

/** A chart's bar (dimension category | area | week) or a word of the cloud (word). */
export interface DemandAnalysisFiguresTable {
  analysisId: string;
  dimension: string;
  key: string;
  label: string;
  people: number;
  items: number;
  urgent: number;
  sort: number;
}

/** The analysis tables of the public loop, part of `DB` (schema.ts). */
export interface DemandAnalysisTables {
  demandAnalyses: DemandAnalysesTable;
  demandClusters: DemandClustersTable;
  demandClusterMembers: DemandClusterMembersTable;
  demandAnalysisFigures: DemandAnalysisFiguresTable;
}
