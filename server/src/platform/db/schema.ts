/** Row types as Kysely sees them (camelCase; the tables are snake_case through CamelCasePlugin). */
import type { Generated } from 'kysely';
import type { DemandsTables } from './schema-demands.ts';
import type { DemandAnalysisTables } from './schema-demand-analysis.ts';
import type { DispatchTables } from './schema-dispatch.ts';
import type { BulletinsTables } from './schema-bulletins.ts';
import type { DocumentNumbersTables } from './schema-document-numbers.ts';
import type { SummariesTables } from './schema-summaries.ts';

type Ts = string; // ISO-8601 UTC instant, same text on both engines
type Flag = number; // 0 | 1 on both engines

export interface DepartmentsTable {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  sort: number;
  /** '/rootId/…/id/' — subtree queries are a prefix match */
  path: string;
  depth: number;
  archivedAt: Ts | null;
  version: number;
  createdAt: Ts;
  updatedAt: Ts;
}
export interface PeopleTable {
  id: string;
  name: string;
  phone: string | null;
  photoFile: string | null;
  departmentId: string;
  title: string | null;
  status: string;
  version: number;
  createdAt: Ts;
  updatedAt: Ts;
  /** nullable; optional here so older inserts need not name it (migration 20261125T1510) */
  email: string | null;
}
export interface PostsTable {
  id: string;
  departmentId: string;
  name: string;
  duties: string;
  aPersonId: string | null;
  bPersonId: string | null;
  archivedAt: Ts | null;
  version: number;
  createdAt: Ts;
  updatedAt: Ts;
}
export interface RolesTable {
  id: string;
  code: string;
  name: string;
  permissions: string;
  dataScope: string;
  customDepartmentIds: string;
  builtin: Flag;
  version: number;
  createdAt: Ts;
  updatedAt: Ts;
}
export interface UsersTable {
  id: string;
  personId: string | null;
  username: string;
  displayName: string;
  passwordHash: string;
  mustChangePassword: Flag;
  totpSecret: string | null;
  totpEnabled: Flag;
  failedCount: number;
  lockedUntil: Ts | null;
  disabled: Flag;
  passwordChangedAt: Ts;
  createdAt: Ts;
  updatedAt: Ts;
}
export interface UserRolesTable {
  userId: string;
  roleId: string;
}
export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  ip: string;
  userAgent: string;
  createdAt: Ts;
  lastSeenAt: Ts;
  revokedAt: Ts | null;
}
export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdBy: string;
  createdAt: Ts;
  expiresAt: Ts | null;
  lastUsedAt: Ts | null;
  revokedAt: Ts | null;
  /** 'read_only' | 'permissions' | 'legacy' (issued before scopes: the owner's every permission) */
  scope: string;
  /** JSON array of permissions when scope is 'permissions' */
  permissions: string | null;
}
export interface SignInLogTable {
  id: string;
  username: string;
  userId: string | null;
  ip: string;
  userAgent: string;
  result: string;
  at: Ts;
}
export interface AuditEventsTable {
  seq: number;
  at: Ts;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string;
  prevHash: string;
  hash: string;
  algorithm: string;
  /** JSON digests of the business rows this event left behind (platform/audit/records.ts); null: none (migration 20261207T0310) */
  seals: string | null;
  /** `<key id>:<HMAC of hash>` with the audit key kept outside the database; null on rows written before it */
  mac: string | null;
}
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** the seq from which business rows carry seals (their baseline taken); null until then */
  recordsSealedFrom: number | null;
}
/** The chain's head signed at a moment (platform/audit/checkpoints.ts), also kept in a file and sent to a witness. */
export interface AuditCheckpointsTable {
  id: string;
  seq: number;
  hash: string;
  at: Ts;
  keyId: string;
  signature: string;
  source: string;
  /** 'none' (no witness configured) | 'pending' | 'sent' | 'failed' */
  witnessStatus: string;
  witnessAttempts: number;
  witnessError: string | null;
  witnessAt: Ts | null;
}
/** The public SM2 keys that sign the head printed on bulletins (modules/audit/signing-keys.*); the open one signs now. */
export interface AuditSigningKeysTable {
  id: string;
  publicKey: string;
  algorithm: string;
  validFrom: Ts;
  validUntil: Ts | null;
}
export interface CalendarOverridesTable {
  date: string;
  working: Flag;
  note: string;
  createdAt: Ts;
}

// Campaign plan and supervision (督查督办). Dates are YYYY-MM-DD; JSON columns are text.
export interface PlansTable {
  id: string;
  name: string;
  year: number;
  startDate: string;
  endDate: string;
  thresholds: string;
  version: number;
  createdAt: Ts;
  updatedAt: Ts;
}
export interface ProgrammesTable {
  id: string;
  planId: string;
  code: string;
  name: string;
  sort: number;
  weight: number;
  leaderPersonId: string | null;
  version: number;
  createdAt: Ts;
  updatedAt: Ts;
}
export interface MeasuresTable {
  id: string;
  planId: string;
  programmeId: string;
  code: string;
  name: string;
  sort: number;
  weight: number;
  version: number;
  createdAt: Ts;
  updatedAt: Ts;
}
export interface TasksTable {
  id: string;
  planId: string;
  programmeId: string;
  measureId: string;
  parentId: string | null;
  code: string;
  title: string;
  statement: string;
  deliverables: string;
  leadDepartmentId: string;
  responsiblePostId: string | null;
  leaderPersonId: string | null;
  startDate: string;
  dueDate: string;
  weight: number;
  status: string;
  isOpen: Flag;
  progress: number;
  warning: string;
  warningSince: Ts | null;
  tagged: Flag;
  grade: string;
  version: number;
  createdBy: string;
  createdAt: Ts;
  updatedAt: Ts;
  closedAt: Ts | null;
  /** 分办 to one person (the post's A/B holder does not act then); null: the responsible post's holder */
  handlerPersonId: string | null;
  /** the lead department's own reported progress; `progress` rolls it up with the cooperators' sub-items */
  ownProgress: number;
  /** the due date before the first granted extension (延期); null: never extended */
  originalDueDate: string | null;
  /** at close-out: working days after the original due date (0 on time); null while not closed */
  closedLateDays: number | null;
}
/** 协办: a cooperating department of a task and its sub-item. */
export interface TaskCooperatorsTable {
  taskId: string;
  departmentId: string;
  progress: number;
  reportText: string;
  reportedAt: Ts | null;
  reportedByName: string | null;
}
/** 分办 history. */
export interface TaskAssignmentsTable {
  id: string;
  taskId: string;
  postId: string | null;
  personId: string | null;
  note: string;
  byUserId: string | null;
  byName: string;
  at: Ts;
}
/** 延期申请: pending, granted, refused or lapsed. */
export interface TaskExtensionsTable {
  id: string;
  taskId: string;
  previousDueDate: string;
  requestedDueDate: string;
  reason: string;
  status: string;
  requestedByUserId: string | null;
  requestedByName: string;
  requestedAt: Ts;
  decidedByName: string | null;
  decidedAt: Ts | null;
  decisionComment: string;
}
/** 部门审核: a row means the department's head reviews its staff's submissions. */
export interface TaskReviewDepartmentsTable {
  departmentId: string;
  setByName: string;
  setAt: Ts;
}
export interface TaskMilestonesTable {
  id: string;
  taskId: string;
  name: string;
  dueDate: string;
  sort: number;
  doneAt: Ts | null;
  doneByUserId: string | null;
  doneByName: string | null;
}
export interface FilesTable {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  storagePath: string;
  uploadedBy: string;
  createdAt: Ts;
}
export interface TaskEventsTable {
  id: string;
  taskId: string;
  kind: string;
  actorUserId: string | null;
  actorName: string;
  at: Ts;
  text: string;
  /** the English of a text the system wrote; null for texts people typed (they stay as typed) */
  textEn: string | null;
  percent: number | null;
  fileIds: string;
  fromStatus: string | null;
  toStatus: string | null;
}
export interface TaskFilesTable {
  fileId: string;
  eventId: string;
  taskId: string;
}
export interface TaskCountersTable {
  planId: string;
  programmeId: string;
  measureId: string;
  leadDepartmentId: string;
  leaderKey: string;
  status: string;
  warning: string;
  tagged: Flag;
  topLevel: Flag;
  taskCount: number;
  weightSum: number;
  progressSum: number;
}
/** 自动编号: the last number given to a code `<prefix>NN` in a plan. */
export interface TaskCodeCountersTable {
  planId: string;
  prefix: string;
  lastNumber: number;
}
export interface TaskRollupsTable {
  measureId: string;
  status: string;
  warning: string;
  planId: string;
  programmeId: string;
  taskCount: number;
  weightSum: number;
  progressSum: number;
  closedLateCount: number;
}
/** One unit of scheduled or one-off work (platform/jobs). */
export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  runAt: Ts;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  lockedBy: string | null;
  lockedAt: Ts | null;
  dedupeKey: string | null;
  createdAt: Ts;
  finishedAt: Ts | null;
}
/** In-app inbox: one row per recipient of a notification. */
export interface NotificationsTable {
  id: string;
  personId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  dedupeKey: string;
  createdAt: Ts;
  readAt: Ts | null;
  /** the English text, when the sender wrote one (the inbox answers in the reader's language) */
  titleEn: string | null;
  bodyEn: string | null;
}
export interface NotificationChannelsTable {
  id: string;
  kind: 'email' | 'dingtalk' | 'wecom';
  name: string;
  target: string | null;
  secret: string | null;
  settings: string;
  departmentId: string | null;
  enabled: Flag;
  version: number;
  createdAt: Ts;
  updatedAt: Ts;
}
export interface NotificationDeliveriesTable {
  id: string;
  notificationKind: string;
  dedupeKey: string;
  channel: 'inapp' | 'email' | 'dingtalk' | 'wecom';
  channelId: string | null;
  personId: string | null;
  address: string | null;
  title: string;
  body: string;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'undeliverable';
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: Ts | null;
  lockedAt: Ts | null;
  lastError: string | null;
  sentAt: Ts | null;
  createdAt: Ts;
}

/** 领导批示 on a task or to a unit, and its 落实反馈 (modules/instructions). */
export interface InstructionsTable {
  id: string;
  taskId: string | null;
  /** the addressee: the unit, or the task's lead department when it was given */
  departmentId: string;
  text: string;
  /** 'noted' (no feedback asked) | 'awaiting' | 'answered' */
  state: string;
  feedbackDueDate: string | null;
  leaderUserId: string | null;
  leaderPersonId: string | null;
  leaderName: string;
  /** the 'instruct' event on the task's history, when on a task */
  taskEventId: string | null;
  feedbackText: string | null;
  feedbackEvidenceRef: string | null;
  feedbackByUserId: string | null;
  feedbackByName: string | null;
  feedbackAt: Ts | null;
  version: number;
  createdAt: Ts;
}
/** 按期办结: tasks by lead department, plan, the due date that counts, and outcome (open | on_time | late), kept with every task write. */
export interface TaskDueCountersTable {
  leadDepartmentId: string;
  planId: string;
  dueDate: string;
  outcome: string;
  taskCount: number;
}
/** 限时办结: the limit in working days of each kind of item (TimeLimitKind). */
export interface TimeLimitRulesTable {
  kind: string;
  workingDays: number;
  updatedAt: Ts;
  /** the name of who changed it last; null: the shipped default */
  updatedBy: string | null;
}
/** 限时办结: one timer per item (kind + subject id), kept by the module that owns the item through modules/time-limits. */
export interface TimersTable {
  kind: string;
  subjectId: string;
  departmentId: string;
  ownerPersonId: string | null;
  startedOn: string;
  dueOn: string;
  doneAt: Ts | null;
  doneOn: string | null;
  /** 1 done by its due date, 0 after it; null while open */
  onTime: Flag | null;
}
/** 整改 (modules/rectification): an item a department must explain or fix within its working-day limit. */
export interface RectificationsTable {
  id: string;
  /** ZG-<year>-<NNNN> */
  code: string;
  /** 'bad_review' | 'inspection' | 'spot_check' | 'other' */
  source: string;
  sourceId: string;
  /** the time-limits rule (TimeLimitKind) its timer runs under */
  limitKind: string;
  departmentId: string;
  /** whom it concerns */
  personId: string | null;
  /** who must fix it: the department head unless assigned */
  ownerPersonId: string | null;
  title: string;
  detail: string;
  /** 'open' | 'submitted' | 'returned' | 'verified' | 'withdrawn' */
  status: string;
  /** 'explained' | 'fixed': the last submission */
  resolution: string | null;
  resolutionNote: string | null;
  attachmentRef: string | null;
  /** 0/1: a 回访 is on record */
  revisited: number;
  dueOn: string;
  submittedAt: Ts | null;
  closedAt: Ts | null;
  createdAt: Ts;
  version: number;
}
/** 整改 history: who did what, when. */
export interface RectificationEventsTable {
  id: string;
  rectificationId: string;
  action: string;
  actorUserId: string | null;
  actorName: string;
  note: string | null;
  attachmentRef: string | null;
  ownerPersonId: string | null;
  at: Ts;
}
/** 回访 of a rectification item; the contact is sealed at rest (platform/crypto/sealed.ts). */
export interface RectificationRevisitsTable {
  id: string;
  rectificationId: string;
  revisitedOn: string;
  /** 'phone' | 'visit' | 'message' */
  way: string;
  contactNameSealed: string | null;
  contactPhoneSealed: string | null;
  /** 'satisfied' | 'unsatisfied' | 'unreachable' */
  outcome: string;
  note: string | null;
  byUserId: string | null;
  byName: string;
  createdAt: Ts;
}
/** the last ZG number handed out per year */
export interface RectificationCodeCountersTable {
  year: number;
  lastNumber: number;
}
/** 首问负责: an enquiry and its owner now; the enquirer's name and contact sealed (platform/crypto/sealed.ts). */
export interface EnquiriesTable {
  id: string;
  /** public tracking code (查询码), UNIQUE */
  code: string;
  /** visitor | phone | message | other */
  channel: string;
  enquirerNameSealed: string;
  enquirerContactSealed: string | null;
  subject: string;
  body: string;
  /** the unit answering for it: the owner's, or the department or post it was handed to */
  departmentId: string;
  /** 首问人: who registered it */
  registeredByPersonId: string;
  /** the registrar's unit then */
  registeredDepartmentId: string;
  ownerPersonId: string;
  /** B owns it for A (AB岗): A */
  actingForPersonId: string | null;
  /** open | handing_over | replied | closed */
  status: string;
  reply: string | null;
  /** in_person | phone | sms | email | letter */
  replyWay: string | null;
  repliedByPersonId: string | null;
  repliedAt: Ts | null;
  closedAt: Ts | null;
  createdAt: Ts;
  version: number;
}
/** The hand-over chain of an enquiry: to exactly one of a person, a post or a department. */
export interface EnquiryHandoversTable {
  id: string;
  enquiryId: string;
  /** handover | take_back */
  kind: string;
  fromPersonId: string;
  toPersonId: string | null;
  toPostId: string | null;
  toDepartmentId: string | null;
  note: string | null;
  /** pending | accepted | declined | cancelled */
  status: string;
  decidedByPersonId: string | null;
  /** B accepted it for A: A */
  actingForPersonId: string | null;
  /** the unit answering for it once accepted */
  acceptedDepartmentId: string | null;
  decisionNote: string | null;
  decidedAt: Ts | null;
  createdAt: Ts;
}
/** 亮牌上岗 (modules/badges): a person's badge, reached by its public code; reissuing replaces the code. */
export interface BadgesTable {
  personId: string;
  code: string;
  /** the person's own duties text; null shows the duties of their post */
  duties: string | null;
  issuedAt: Ts;
  revokedAt: Ts | null;
  updatedAt: Ts;
}
/** 好差评 (modules/ratings): one rating per service event; device and address only as keyed digests. */
export interface RatingsTable {
  id: string;
  personId: string;
  departmentId: string;
  /** 'badge' | 'enquiry' */
  source: string;
  enquiryId: string | null;
  serviceEventKey: string;
  score: number;
  comment: string | null;
  deviceHash: string;
  addressHash: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  ratedOn: string;
  createdAt: Ts;
  /** 1 for scores 1 and 2 (差评) */
  bad: Flag;
  rectificationId: string | null;
  /** 'none' | 'appealed' | 'upheld' | 'rejected' */
  appealState: string;
  version: number;
}
/** 差评申诉 and its 复核, one per rating. */
export interface RatingAppealsTable {
  ratingId: string;
  reason: string;
  appealedBy: string;
  appealedByName: string;
  appealedAt: Ts;
  /** 'upheld' | 'rejected' */
  decision: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Ts | null;
  note: string | null;
}
/** The public code of a department's ratings page (评价结果公示). */
export interface DepartmentRatingPagesTable {
  departmentId: string;
  code: string;
  issuedAt: Ts;
}
/** 工作人员去向牌 (modules/whereabouts): a person's state now; no row reads as in_office. */
export interface WhereaboutsTable {
  personId: string;
  /** in_office | meeting | out | trip | leave | training */
  state: string;
  place: string | null;
  expectedReturnAt: Ts | null;
  note: string | null;
  setByPersonId: string | null;
  setByName: string | null;
  setAt: Ts;
  /** self | head | planned */
  source: string;
  plannedAbsenceId: string | null;
  version: number;
}
/** Every change of whereabouts, append-only (personal data: read by policy). */
export interface WhereaboutsHistoryTable {
  id: string;
  personId: string;
  state: string;
  place: string | null;
  expectedReturnAt: Ts | null;
  note: string | null;
  setByPersonId: string | null;
  setByName: string | null;
  source: string;
  plannedAbsenceId: string | null;
  at: Ts;
}
/** 登记请假/出差/培训 ahead; the minute job switches the state at starts_at and back at ends_at. */
export interface PlannedAbsencesTable {
  id: string;
  personId: string;
  departmentId: string;
  /** leave | trip | training */
  kind: string;
  startsAt: Ts;
  endsAt: Ts;
  place: string | null;
  note: string | null;
  /** scheduled | active | ended | cancelled */
  status: string;
  createdByPersonId: string | null;
  createdByName: string;
  createdAt: Ts;
  updatedAt: Ts;
  version: number;
}
/** The public code of a department's door board (去向牌), made on first ask. */
export interface DoorBoardsTable {
  departmentId: string;
  code: string;
  createdAt: Ts;
}
/** Every table; a module's tables in a file of their own (schema-<module>.ts) are merged in. */
export interface DB extends DemandsTables, DemandAnalysisTables, DispatchTables, DocumentNumbersTables, BulletinsTables, SummariesTables {
  departments: DepartmentsTable;
  people: PeopleTable;
  posts: PostsTable;
  roles: RolesTable;
  users: UsersTable;
  userRoles: UserRolesTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  signInLog: SignInLogTable;
  auditEvents: AuditEventsTable;
  auditHead: AuditHeadTable;
  auditCheckpoints: AuditCheckpointsTable;
  auditSigningKeys: AuditSigningKeysTable;
  calendarOverrides: CalendarOverridesTable;
  plans: PlansTable;
  programmes: ProgrammesTable;
  measures: MeasuresTable;
  tasks: TasksTable;
  taskCooperators: TaskCooperatorsTable;
  taskMilestones: TaskMilestonesTable;
  files: FilesTable;
  taskEvents: TaskEventsTable;
  taskFiles: TaskFilesTable;
  taskCounters: TaskCountersTable;
  taskRollups: TaskRollupsTable;
  taskCodeCounters: TaskCodeCountersTable;
  taskAssignments: TaskAssignmentsTable;
  taskExtensions: TaskExtensionsTable;
  taskReviewDepartments: TaskReviewDepartmentsTable;
  jobs: JobsTable;
  notifications: NotificationsTable;
  notificationChannels: NotificationChannelsTable;
  notificationDeliveries: NotificationDeliveriesTable;
  instructions: InstructionsTable;
  taskDueCounters: TaskDueCountersTable;
  timeLimitRules: TimeLimitRulesTable;
  timers: TimersTable;
  rectifications: RectificationsTable;
  rectificationEvents: RectificationEventsTable;
  rectificationRevisits: RectificationRevisitsTable;
  rectificationCodeCounters: RectificationCodeCountersTable;
  enquiries: EnquiriesTable;
  enquiryHandovers: EnquiryHandoversTable;
  badges: BadgesTable;
  ratings: RatingsTable;
  ratingAppeals: RatingAppealsTable;
  departmentRatingPages: DepartmentRatingPagesTable;
  whereabouts: WhereaboutsTable;
  whereaboutsHistory: WhereaboutsHistoryTable;
  plannedAbsences: PlannedAbsencesTable;
  doorBoards: DoorBoardsTable;
}
export type { Generated };
