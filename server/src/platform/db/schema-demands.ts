/** 征集活动: a period, categories (JSON array) and a public page by its code. */
export interface SolicitationsTable {
  id: string;
  code: string;
  title: string;
  description: string;
  categories: string;
  opensOn: string;
  closesOn: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 群众诉求与建议: one submission from any channel; the submitter's personal data sealed at rest. */
export interface DemandsTable {
  id: string;
  code: string;
  kind: string;
  channel: string;
  solicitationId: string | null;
  title: string;
  body: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  submitterNameSealed: string | null;
  phoneSealed: string | null;
  emailSealed: string | null;
  /** keyedDigest('demand-submitter', phone | email | device): compared, never read back; null when none */
  submitterKey: string | null;
  suggestedCategory: string | null;
  suggestedDepartmentId: string | null;
  category: string | null;
  departmentId: string | null;
  urgent: number;
  status: string;
  mergedIntoId: string | null;
  sentBackCount: number;
  reopenedCount: number;
  reply: string | null;
  repliedAt: string | null;
  repliedByPersonId: string | null;
  closedAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: string | null;
  hiddenReason: string | null;
  hiddenAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** An item's history, oldest first; `personId` null: the submitter or the system. */
export interface DemandEventsTable {
  id: string;
  demandId: string;
  kind: string;
  personId: string | null;
  departmentId: string | null;
  note: string | null;
  at: string;
}

/** A file kept with an item (a letter's scan, a photo, a mail's attachment); typed by its bytes. */
export interface DemandAttachmentsTable {
  id: string;
  demandId: string;
  fileName: string;
  originalName: string;
  contentType: string;
  bytes: number;
  createdAt: string;
}

/** 分类规则: a keyword the office maintains, suggesting a category (and a department) for a submission. */
export interface DemandRoutingRulesTable {
  id: string;
  keyword: string;
  category: string;
  departmentId: string | null;
  weight: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One distinct segmented word of a submission: the postings of the similar-item lookup (并单候选). */
export interface DemandWordsTable {
  demandId: string;
  word: string;
}

/** An item's time-limit last day (copied at dispatch, for the overdue filter) and the last day it was urged (督办). */
export interface DemandDeadlinesTable {
  demandId: string;
  dueOn: string;
  urgedOn: string | null;
}

/** A mail filed as an item, by its Message-ID: the same message delivered again answers that item. */
export interface DemandMailMessagesTable {
  messageId: string;
  demandId: string | null;
  receivedAt: string;
}

/** The public loop's tables, part of `DB` (schema.ts). */
export interface DemandsTables {
  solicitations: SolicitationsTable;
  demands: DemandsTable;
  demandEvents: DemandEventsTable;
  demandAttachments: DemandAttachmentsTable;
  demandRoutingRules: DemandRoutingRulesTable;
  demandWords: DemandWordsTable;
  demandDeadlines: DemandDeadlinesTable;
  demandMailMessages: DemandMailMessagesTable;
}
