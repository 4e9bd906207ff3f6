/** 发文字号 counters: the last number given per organ prefix and year. */
export interface DocumentNumberCountersTable {
  prefix: string;
  year: number;
  lastSeq: number;
}

/** 发文字号 given: one row per number, from the sequence or typed by hand. */
export interface DocumentNumbersTable {
  id: string;
  prefix: string;
  year: number;
  seq: number;
  number: string;
  /** 1 typed by hand, 0 from the sequence */
  typed: number;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface DocumentNumbersTables {
  documentNumberCounters: DocumentNumberCountersTable;
  documentNumbers: DocumentNumbersTable;
}
