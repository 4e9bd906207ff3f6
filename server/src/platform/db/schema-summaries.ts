/** 一月一小结 and 半年一总结 (modules/summaries): monthly summaries, typical experiences, their compiled documents. */
export interface MonthlySummariesTable {
  id: string;
  /** 2026-03 */
  month: string;
  departmentId: string;
  /** requested | submitted | returned | accepted */
  status: string;
  /** YYYY-MM-DD: N working days into the next month */
  dueDate: string;
  requestedByName: string;
  /** the task figures, frozen when the department submits; null before */
  closedCount: number | null;
  onTimeCount: number | null;
  overdueCount: number | null;
  openCount: number | null;
  figuresAsOf: string | null;
  highlights: string;
  problems: string;
  nextPlan: string;
  returnReason: string | null;
  returnCount: number;
  submittedAt: string | null;
  submittedByName: string | null;
  submittedByPersonId: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  /** the published compiled monthly summary that carries it */
  documentId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** 典型经验 */
export interface TypicalExperiencesTable {
  id: string;
  /** 2026-H1 */
  period: string;
  departmentId: string;
  title: string;
  body: string;
  /** submitted | selected | published */
  status: string;
  submittedAt: string;
  submittedByName: string;
  selectedAt: string | null;
  /** the office member who last edited it, null while it is as the department wrote it */
  editedByName: string | null;
  /** the published collection (汇编) that carries it */
  documentId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** 汇编: the area's monthly summary of a month, or the experience collection of a half year. */
export interface SummaryDocumentsTable {
  id: string;
  /** monthly | experiences */
  kind: string;
  /** 2026-03 | 2026-H1 */
  period: string;
  title: string;
  organ: string;
  numberPrefix: string;
  intro: string;
  /** draft | published */
  status: string;
  number: string | null;
  /** the OfficialDocument as published (JSON); null while a draft */
  content: string | null;
  draftedAt: string;
  draftedByName: string;
  publishedAt: string | null;
  publishedByName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SummariesTables {
  monthlySummaries: MonthlySummariesTable;
  typicalExperiences: TypicalExperiencesTable;
  summaryDocuments: SummaryDocumentsTable;
}
