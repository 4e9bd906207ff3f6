/** 一周一调度 (modules/dispatch): the weekly dispatch sheets, their items, attendance and decisions. */
export interface DispatchSheetsTable {
  id: string;
  planId: string;
  /** the organising department (主办单位): the area's root for the office's weekly sheet */
  departmentId: string;
  /** ISO week, 2026-W11 */
  week: string;
  /** its Monday, YYYY-MM-DD */
  weekStart: string;
  title: string;
  notes: string;
  /** draft | held | closed */
  status: string;
  omittedItems: number;
  meetingDate: string | null;
  meetingTime: string | null;
  meetingPlace: string | null;
  chairPersonId: string | null;
  chairName: string | null;
  minutes: string | null;
  draftedByName: string;
  draftedAt: string;
  heldAt: string | null;
  closedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
/** One item of a sheet, a snapshot of what was drafted (or typed by the office). */
export interface DispatchItemsTable {
  id: string;
  sheetId: string;
  sort: number;
  /** task | instruction | project | manual */
  source: string;
  sourceId: string | null;
  taskId: string | null;
  title: string;
  detail: string;
  warning: string | null;
  progress: number | null;
  dueDate: string | null;
  departmentId: string | null;
  leaderPersonId: string | null;
  leaderName: string | null;
  note: string;
}
export interface DispatchAttendeesTable {
  id: string;
  sheetId: string;
  sort: number;
  personId: string;
  name: string;
  departmentName: string;
  present: number;
  absenceReason: string | null;
}
/** 议定事项 and the task it became. */
export interface DispatchDecisionsTable {
  id: string;
  sheetId: string;
  sort: number;
  itemId: string | null;
  text: string;
  ownerDepartmentId: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  dueDate: string;
  measureId: string | null;
  taskId: string | null;
  taskMadeAt: string | null;
  createdAt: string;
}

export interface DispatchTables {
  dispatchSheets: DispatchSheetsTable;
  dispatchItems: DispatchItemsTable;
  dispatchAttendees: DispatchAttendeesTable;
  dispatchDecisions: DispatchDecisionsTable;
}
