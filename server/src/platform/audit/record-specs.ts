import type { DB } from '../db/schema.ts';

/**
 * 业务数据封印: the business rows the audit log vouches for (platform/audit/records.ts seals and
 * compares them). Each table lists its columns explicitly, by version: a column added to a table
 * later is not tracked until a new spec version names it; keep the old version in PREVIOUS, so seals
 * written under it still verify (against its columns) until the row is next written.
 *
 * Columns left out, and why:
 * - departments.path, depth — derived from parent_id; verify checks them against the parents
 *   instead, so a move needs no seal of every descendant;
 * - users.failed_count, locked_until — sign-in throttling state, written by refused sign-ins that
 *   are (rightly) not audit events;
 * - users.roleIds is not a column: the account's rows in user_roles, sorted, sealed with the account.
 * The office rules (issue 13) seal every column of their rows: none is derived or written without
 * an event. A table keyed by something other than `id` names its key (whereabouts and badges by
 * person, time-limit rules by kind, appeals by rating); the key is the seal's id.
 * Not business rows, or not sealed: counters, roll-ups, search entries, sessions, tokens' last use;
 * timers (限时办结, kept from their items' own sealed dates and states); the append-only histories
 * (rectification events and revisits, whereabouts history, task events); public page codes (door
 * boards, rating pages).
 */
export const RECORD_TABLES = [
  'departments',
  'people',
  'posts',
  'roles',
  'users',
  'tasks',
  // issue 13 (office rules): from the first start of this version on (baseline.ts seals older rows once)
  'timeLimitRules',
  'rectifications',
  'enquiries',
  'enquiryHandovers',
  'ratings',
  'ratingAppeals',
  'whereabouts',
  'plannedAbsences',
  'badges',
  // issue 14 (the public loop): the public's demands and suggestions, and the solicitation campaigns
  'demands',
  'solicitations',
  // issue 16 (一季一通报): the bulletins and their leaders' comments, sealed as drafted, edited and published
  'bulletins',
  'bulletinComments',
] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];
/** A sealed row: its table and its key (the `id`, or the table's own key column). */
export type RecordRef = { table: RecordTable; id: string };

/** The tables the first records baseline covered before baselines named their tables (baseline.ts). */
export const FIRST_BASELINE_TABLES: readonly RecordTable[] = ['departments', 'people', 'posts', 'roles', 'users', 'tasks'];

const columnsOf = <T extends RecordTable>(_table: T, columns: readonly (keyof DB[T] & string)[]) => columns;
const keyOf = <T extends RecordTable>(_table: T, key: keyof DB[T] & string) => key;

/** `key`: the column that identifies a row when it is not `id`; it never changes between versions. */
export type Spec = { version: number; columns: readonly string[]; key?: string; roleIds?: true };

/** 群众诉求, version 1: before the submitter's digest (submitter_key) was kept. */
const DEMANDS_V1 = columnsOf('demands', [
  'code',
  'kind',
  'channel',
  'solicitationId',
  'title',
  'body',
  'address',
  'lat',
  'long',
  'submitterNameSealed',
  'phoneSealed',
  'emailSealed',
  'suggestedCategory',
  'suggestedDepartmentId',
  'category',
  'departmentId',
  'urgent',
  'status',
  'mergedIntoId',
  'sentBackCount',
  'reopenedCount',
  'reply',
  'repliedAt',
  'repliedByPersonId',
  'closedAt',
  'rating',
  'ratingComment',
  'ratedAt',
  'hiddenReason',
  'hiddenAt',
  'createdAt',
  'updatedAt',
  'version',
]);

export const CURRENT: Record<RecordTable, Spec> = {
  departments: {
    version: 1,
    columns: columnsOf('departments', ['parentId', 'name', 'kind', 'sort', 'archivedAt', 'version', 'createdAt', 'updatedAt']),
  },
  people: {
    version: 1,
    columns: columnsOf('people', [
      'name',
      'phone',
      'email',
      'photoFile',
      'departmentId',
      'title',
      'status',
      'version',
      'createdAt',
      'updatedAt',
    ]),
  },
  posts: {
    version: 1,
    columns: columnsOf('posts', [
      'departmentId',
      'name',
      'duties',
      'aPersonId',
      'bPersonId',
      'archivedAt',
      'version',
      'createdAt',
      'updatedAt',
    ]),
  },
  roles: {
    version: 1,
    columns: columnsOf('roles', [
      'code',
      'name',
      'permissions',
      'dataScope',
      'customDepartmentIds',
      'builtin',
      'version',
      'createdAt',
      'updatedAt',
    ]),
  },
  users: {
    version: 1,
    columns: columnsOf('users', [
      'personId',
      'username',
      'displayName',
      'passwordHash',
      'mustChangePassword',
      'totpSecret',
      'totpEnabled',
      'disabled',
      'passwordChangedAt',
      'createdAt',
      'updatedAt',
    ]),
    roleIds: true,
  },
  tasks: {
    version: 1,
    columns: columnsOf('tasks', [
      'planId',
      'programmeId',
      'measureId',
      'parentId',
      'code',
      'title',
      'statement',
      'deliverables',
      'leadDepartmentId',
      'responsiblePostId',
      'leaderPersonId',
      'handlerPersonId',
      'startDate',
      'dueDate',
      'originalDueDate',
      'weight',
      'status',
      'isOpen',
      'progress',
      'ownProgress',
      'warning',
      'warningSince',
      'tagged',
      'grade',
      'closedLateDays',
      'version',
      'createdBy',
      'createdAt',
      'updatedAt',
      'closedAt',
    ]),
  },
  // 办结时限: the limit of each kind (the shipped defaults come with the migration, sealed by the baseline)
  timeLimitRules: {
    version: 1,
    key: keyOf('timeLimitRules', 'kind'),
    columns: columnsOf('timeLimitRules', ['workingDays', 'updatedAt', 'updatedBy']),
  },
  // 整改
  rectifications: {
    version: 1,
    columns: columnsOf('rectifications', [
      'code',
      'source',
      'sourceId',
      'limitKind',
      'departmentId',
      'personId',
      'ownerPersonId',
      'title',
      'detail',
      'status',
      'resolution',
      'resolutionNote',
      'attachmentRef',
      'revisited',
      'dueOn',
      'submittedAt',
      'closedAt',
      'createdAt',
      'version',
    ]),
  },
  // 首问负责: the enquiry (the enquirer's name and contact as their sealed-at-rest text) and its hand-over chain
  enquiries: {
    version: 1,
    columns: columnsOf('enquiries', [
      'code',
      'channel',
      'enquirerNameSealed',
      'enquirerContactSealed',
      'subject',
      'body',
      'departmentId',
      'registeredByPersonId',
      'registeredDepartmentId',
      'ownerPersonId',
      'actingForPersonId',
      'status',
      'reply',
      'replyWay',
      'repliedByPersonId',
      'repliedAt',
      'closedAt',
      'createdAt',
      'version',
    ]),
  },
  enquiryHandovers: {
    version: 1,
    columns: columnsOf('enquiryHandovers', [
      'enquiryId',
      'kind',
      'fromPersonId',
      'toPersonId',
      'toPostId',
      'toDepartmentId',
      'note',
      'status',
      'decidedByPersonId',
      'actingForPersonId',
      'acceptedDepartmentId',
      'decisionNote',
      'decidedAt',
      'createdAt',
    ]),
  },
  // 好差评: the rating (its rater only as the keyed digests it was written with) and its appeal (申诉、复核)
  ratings: {
    version: 1,
    columns: columnsOf('ratings', [
      'personId',
      'departmentId',
      'source',
      'enquiryId',
      'serviceEventKey',
      'score',
      'comment',
      'deviceHash',
      'addressHash',
      'ratedOn',
      'createdAt',
      'bad',
      'rectificationId',
      'appealState',
      'version',
    ]),
  },
  ratingAppeals: {
    version: 1,
    key: keyOf('ratingAppeals', 'ratingId'),
    columns: columnsOf('ratingAppeals', [
      'reason',
      'appealedBy',
      'appealedByName',
      'appealedAt',
      'decision',
      'decidedBy',
      'decidedByName',
      'decidedAt',
      'note',
    ]),
  },
  // 去向牌: a person's state now, and the absences registered ahead (the minute job's switches are events too)
  whereabouts: {
    version: 1,
    key: keyOf('whereabouts', 'personId'),
    columns: columnsOf('whereabouts', [
      'state',
      'place',
      'expectedReturnAt',
      'note',
      'setByPersonId',
      'setByName',
      'setAt',
      'source',
      'plannedAbsenceId',
      'version',
    ]),
  },
  plannedAbsences: {
    version: 1,
    columns: columnsOf('plannedAbsences', [
      'personId',
      'departmentId',
      'kind',
      'startsAt',
      'endsAt',
      'place',
      'note',
      'status',
      'createdByPersonId',
      'createdByName',
      'createdAt',
      'updatedAt',
      'version',
    ]),
  },
  // 亮牌上岗: the badge's public code, own duties text and revocation
  badges: {
    version: 1,
    key: keyOf('badges', 'personId'),
    columns: columnsOf('badges', ['code', 'duties', 'issuedAt', 'revokedAt', 'updatedAt']),
  },
  // 群众诉求: every column, the sealed personal data as its ciphertext and the submitter as its keyed digest (v2)
  demands: { version: 2, columns: columnsOf('demands', [...DEMANDS_V1, 'submitterKey']) },
  solicitations: {
    version: 1,
    columns: columnsOf('solicitations', [
      'code',
      'title',
      'description',
      'categories',
      'opensOn',
      'closesOn',
      'createdAt',
      'updatedAt',
      'version',
    ]),
  },
  // 季度通报: every column but the signed head (head_*), which is stored after the publishing event it
  // covers and so cannot be in that event's seal; its SM2 signature proves it instead
  bulletins: {
    version: 1,
    columns: columnsOf('bulletins', [
      'planId',
      'year',
      'quarter',
      'periodStart',
      'periodEnd',
      'title',
      'summary',
      'requirements',
      'status',
      'indicators',
      'ranking',
      'overdue',
      'computedAt',
      'number',
      'organ',
      'organMark',
      'recipients',
      'publishedAt',
      'publishedByName',
      'draftedByName',
      'draftedAt',
      'version',
      'createdAt',
      'updatedAt',
    ]),
  },
  // 领导点评
  bulletinComments: {
    version: 1,
    columns: columnsOf('bulletinComments', [
      'bulletinId',
      'authorUserId',
      'authorPersonId',
      'authorName',
      'authorTitle',
      'text',
      'createdAt',
    ]),
  },
};

/** Older versions that stored seals may still name: demands v1 (before submitter_key). */
export const PREVIOUS: readonly (Spec & { table: RecordTable })[] = [{ table: 'demands', version: 1, columns: DEMANDS_V1 }];

/** The audit entity types whose event seals its row by itself (recordAudit); the event's entity id is the row's key. */
export const ENTITY_TABLES: Readonly<Record<string, RecordTable>> = {
  department: 'departments',
  person: 'people',
  post: 'posts',
  role: 'roles',
  user: 'users',
  task: 'tasks',
  time_limit_rule: 'timeLimitRules',
  rectification: 'rectifications',
  enquiry: 'enquiries',
  rating: 'ratings',
  whereabouts: 'whereabouts',
  planned_absence: 'plannedAbsences',
  badge: 'badges',
  demand: 'demands',
  solicitation: 'solicitations',
  bulletin: 'bulletins',
  bulletin_comment: 'bulletinComments',
};
