/** 一季一通报 (modules/bulletins): the quarterly bulletins, their leaders' comments and the per-plan settings. */
export interface BulletinSettingsTable {
  planId: string;
  /** 机关代字 of the document numbers, e.g. 赣新勤廉 */
  documentPrefix: string;
  /** 发文机关 */
  organ: string;
  /** 发文机关标志; '' prints the organ's name */
  organMark: string;
  /** JSON array of 主送机关 */
  recipients: string;
  /** JSON array of { key, weight, direction } */
  indicators: string;
  version: number;
  updatedByName: string;
  updatedAt: string;
}
/** One bulletin of a plan's quarter: the figures as a snapshot (JSON), immutable once published. */
export interface BulletinsTable {
  id: string;
  planId: string;
  year: number;
  /** 1–4 */
  quarter: number;
  periodStart: string;
  periodEnd: string;
  title: string;
  /** 总体情况 */
  summary: string;
  /** 下一步工作要求 */
  requirements: string;
  /** draft | review | published */
  status: string;
  /** JSON: the indicators and weights the ranking used */
  indicators: string;
  /** JSON: one entry per department, ranked */
  ranking: string;
  /** JSON: the overdue items listed */
  overdue: string;
  computedAt: string;
  /** 发文字号, once published */
  number: string | null;
  organ: string | null;
  organMark: string | null;
  /** JSON array, as printed */
  recipients: string | null;
  publishedAt: string | null;
  publishedByName: string | null;
  /** the audit chain's head signed at publication (公告验证) */
  headSeq: number | null;
  headHash: string | null;
  headAlgorithm: string | null;
  headKeyId: string | null;
  headPublicKey: string | null;
  headSignature: string | null;
  headSignedAt: string | null;
  draftedByName: string;
  draftedAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
/** 领导点评 on a bulletin in review. */
export interface BulletinCommentsTable {
  id: string;
  bulletinId: string;
  authorUserId: string;
  authorPersonId: string | null;
  authorName: string;
  /** 职务, as it was when commenting */
  authorTitle: string;
  text: string;
  createdAt: string;
}

export interface BulletinsTables {
  bulletinSettings: BulletinSettingsTable;
  bulletins: BulletinsTable;
  bulletinComments: BulletinCommentsTable;
}
