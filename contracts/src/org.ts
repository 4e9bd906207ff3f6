import { z } from 'zod';
import { Id, Instant, line, PageQuery, pageOf, prose } from './common.ts';

/** What a role may do. Policies (server) are the only readers. */
export const Permission = z.enum([
  'org.read', // 查看组织机构
  'org.manage', // 管理部门、岗位
  'people.read',
  'people.manage',
  'roles.manage',
  'users.manage', // 账号、API 令牌、重置密码
  'audit.read',
  'signins.read',
  'calendar.manage', // 维护本地节假日调整
  'tasks.read', // 查看督办任务
  'plan.manage', // 领导小组办公室: 计划、交办、销号、退回、催办、评定
  'tasks.handle', // 责任单位: 签收、拒收、报送进展、申请销号
  'tasks.instruct', // 领导批示
  'tasks.backfill', // 补录: a due date before today or outside the plan's period, on purpose
  'notifications.manage', // 通知渠道（邮件、群机器人）配置
  'rectification.read', // 查看整改事项（数据范围内）
  'rectification.handle', // 整改责任部门: 指派整改人、报送情况说明或整改结果
  'rectification.verify', // 督查办: 登记、核实办结、退回整改、记录回访
  'time_limits.manage', // 限时办结: 维护各类事项的办结时限（工作日）
  'time_limits.stats', // 限时办结: 查看数据范围内各部门、人员的按期办结统计
  'enquiries.handle', // 首问负责：登记、移交、接收、答复、办结首问事项
  'enquiries.read', // 查看首问事项（数据范围内）
  'badges.manage', // 亮牌上岗：编辑他人的岗位职责、重新发放或收回工作牌
  'ratings.read', // 好差评：查看数据范围内的评价与统计
  'ratings.appeal', // 好差评：对本部门的差评提出申诉
  'ratings.review', // 好差评：复核差评申诉（领导小组办公室）
  'demands.read', // 群众诉求：查看数据范围内的诉求与建议
  'demands.dispatch', // 群众诉求：受理、派单改派、并单、不予受理、回访（领导小组办公室）
  'demands.handle', // 群众诉求：本部门签收、退单、答复
  'demands.moderate', // 群众诉求：隐藏不当内容（须说明理由）
  'demands.manage', // 群众诉求：征集活动与分类规则
  'demands.evaluate', // 民生实事：汇总分析、论证议题、遴选民生实事项目（领导小组）
  'whereabouts.read', // 去向牌：查看本人与数据范围内人员的去向、设置本人去向
  'whereabouts.manage', // 去向牌：为数据范围内人员设置去向、登记请假出差，查看去向记录
  'dispatch.read', // 一周一调度：查看数据范围内的调度单、会议记录与议定事项
  'dispatch.manage', // 一周一调度：起草、编辑调度单，记录调度会议、议定事项并转为督办任务
  'bulletins.read', // 一季一通报：查看已发布的季度通报
  'bulletins.manage', // 一季一通报：设置指标权重与发文字号，起草、重新计算、编辑、送审、发布通报
  'bulletins.comment', // 一季一通报：对送审中的通报作领导点评
  'summaries.read', // 一月一小结、半年一总结：查看数据范围内的月度小结与典型经验，已发布的汇编
  'summaries.submit', // 一月一小结、半年一总结：本部门报送月度小结、提交典型经验
  'summaries.review', // 一月一小结、半年一总结：审核月度小结（退回、通过），遴选编辑典型经验，起草发布汇编（办公室）
]);
export type Permission = z.infer<typeof Permission>;
export const ALL_PERMISSIONS = Permission.options;

/** 数据权限: 全部 / 本部门及以下 / 本部门 / 仅本人 / 自定义部门 */
export const DataScope = z.enum(['all', 'dept_and_below', 'dept', 'self', 'custom']);
export type DataScope = z.infer<typeof DataScope>;

export const DepartmentKind = z.enum(['committee', 'department', 'town', 'company', 'group']);
export type DepartmentKind = z.infer<typeof DepartmentKind>;

const name = line(1, 100);
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'phone');

export const Department = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  kind: DepartmentKind,
  sort: z.number().int(),
  archived: z.boolean(),
  headcount: z.number().int(),
  version: z.number().int(),
  abilities: z.object({ manage: z.boolean() }),
});
export type Department = z.infer<typeof Department>;
export const DepartmentList = z.object({ items: z.array(Department) });

export const DepartmentCreateBody = z.object({
  name,
  parentId: Id.nullable(),
  kind: DepartmentKind.default('department'),
  sort: z.number().int().min(0).max(100_000).default(0),
});
export type DepartmentCreateBody = z.input<typeof DepartmentCreateBody>;

/** Rename and/or move (change parent). `version` guards concurrent edits. */
export const DepartmentUpdateBody = z.object({
  name: name.optional(),
  parentId: Id.nullable().optional(),
  kind: DepartmentKind.optional(),
  sort: z.number().int().min(0).max(100_000).optional(),
  version: z.number().int().optional(),
});
export type DepartmentUpdateBody = z.infer<typeof DepartmentUpdateBody>;

export const PersonStatus = z.enum(['active', 'away', 'left']);
export type PersonStatus = z.infer<typeof PersonStatus>;
/**
 * What a person's status may be set to by hand (people form, API, import): 在岗 or 离职. 'away' follows
 * the whereabouts board (工作人员去向牌) alone — out, on a trip, on leave or in training.
 */
export const PersonSettableStatus = z.enum(['active', 'left']);
export type PersonSettableStatus = z.infer<typeof PersonSettableStatus>;

export const Person = z.object({
  id: Id,
  name: z.string(),
  phone: z.string().nullable(),
  photoUrl: z.string().nullable(),
  departmentId: Id,
  departmentName: z.string(),
  title: z.string().nullable(),
  status: PersonStatus,
  posts: z.array(z.object({ id: Id, name: z.string(), role: z.enum(['A', 'B']) })),
  email: z.string().nullable(),
  username: z.string().nullable(),
  /** the sign-in account of this person, if any */
  userId: Id.nullable(),
  /** the account's roles and whether it is disabled (empty / null without an account) */
  roleIds: z.array(Id),
  accountDisabled: z.boolean().nullable(),
  version: z.number().int(),
  createdAt: Instant,
  abilities: z.object({ manage: z.boolean() }),
});
export type Person = z.infer<typeof Person>;
/** POST /api/people: the new person, and the account's initial password when one was opened (shown once). */
export const PersonCreated = Person.extend({ initialPassword: z.string().nullable() });
export type PersonCreated = z.infer<typeof PersonCreated>;

const email = z.string().trim().max(200).email('email');

export const PersonCreateBody = z.object({
  name: line(1, 50),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  departmentId: Id,
  title: line(0, 100).nullable().optional(),
  status: PersonSettableStatus.default('active'),
  /** Optional sign-in account for this person. */
  account: z
    .object({
      username: z
        .string()
        .trim()
        .regex(/^[a-zA-Z0-9_.-]{3,32}$/, 'username'),
      roleIds: z.array(Id).max(20).default([]),
    })
    .optional(),
});
export type PersonCreateBody = z.input<typeof PersonCreateBody>;

/** Open a sign-in account for a person who has none yet. */
export const PersonAccountBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,32}$/, 'username'),
  roleIds: z.array(Id).max(20).default([]),
});
export type PersonAccountBody = z.input<typeof PersonAccountBody>;

export const PersonUpdateBody = z.object({
  email: email.nullable().optional(),
  name: line(1, 50).optional(),
  phone: phone.nullable().optional(),
  departmentId: Id.optional(),
  title: line(0, 100).nullable().optional(),
  /** active on a person who is away (去向牌) keeps them away: presence is the whereabouts board's */
  status: PersonSettableStatus.optional(),
  version: z.number().int().optional(),
});
export type PersonUpdateBody = z.infer<typeof PersonUpdateBody>;

export const PeopleQuery = PageQuery.extend({
  departmentId: Id.optional(),
  /** include sub-departments of departmentId */
  subtree: z.enum(['true', 'false']).default('true'),
  q: line(0, 50).optional(),
  status: PersonStatus.optional(),
});
export type PeopleQuery = z.input<typeof PeopleQuery>;
export const PeoplePage = pageOf(Person);

/** AB岗: a post with its A (primary) and B (backup) holders. */
export const Post = z.object({
  id: Id,
  departmentId: Id,
  departmentName: z.string(),
  name: z.string(),
  duties: z.string(),
  aPersonId: Id.nullable(),
  aPersonName: z.string().nullable(),
  bPersonId: Id.nullable(),
  bPersonName: z.string().nullable(),
  /** who acts now: A, or B when A is away */
  actingPersonId: Id.nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  abilities: z.object({ manage: z.boolean() }),
});
export type Post = z.infer<typeof Post>;
export const PostList = z.object({ items: z.array(Post) });
export const PostQuery = z.object({ departmentId: Id.optional() });

export const PostCreateBody = z.object({
  departmentId: Id,
  name: line(1, 100),
  duties: prose(0, 2000).default(''),
  aPersonId: Id.nullable().optional(),
  bPersonId: Id.nullable().optional(),
});
export type PostCreateBody = z.input<typeof PostCreateBody>;
export const PostUpdateBody = z.object({
  name: line(1, 100).optional(),
  duties: prose(0, 2000).optional(),
  aPersonId: Id.nullable().optional(),
  bPersonId: Id.nullable().optional(),
  version: z.number().int().optional(),
});
export type PostUpdateBody = z.infer<typeof PostUpdateBody>;

export const Role = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  permissions: z.array(Permission),
  dataScope: DataScope,
  customDepartmentIds: z.array(Id),
  builtin: z.boolean(),
  userCount: z.number().int(),
  version: z.number().int(),
});
export type Role = z.infer<typeof Role>;
export const RoleList = z.object({ items: z.array(Role) });
export const RoleCreateBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,31}$/, 'code'),
  name: z.string().trim().min(1).max(50),
  permissions: z.array(Permission).max(50),
  dataScope: DataScope,
  customDepartmentIds: z.array(Id).max(500).default([]),
});
export type RoleCreateBody = z.input<typeof RoleCreateBody>;
/** A PATCH changes only what it names: no defaults (the create body's `customDepartmentIds: []` would clear a custom scope). */
export const RoleUpdateBody = z.object({
  name: RoleCreateBody.shape.name.optional(),
  permissions: RoleCreateBody.shape.permissions.optional(),
  dataScope: DataScope.optional(),
  customDepartmentIds: z.array(Id).max(500).optional(),
  version: z.number().int().optional(),
});
export type RoleUpdateBody = z.infer<typeof RoleUpdateBody>;

export const UserRolesBody = z.object({ roleIds: z.array(Id).max(20) });

/** Row-by-row result of an XLSX import. Nothing is written unless every row is valid. */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  committed: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  /** accounts opened by the import (column 账号), with their initial passwords: shown once */
  accounts: z.array(z.object({ row: z.number().int(), username: z.string(), initialPassword: z.string() })).optional(),
  /** plan imports that wrote nothing (a dry run, or rows with errors): every data row read, for a row-by-row preview */
  planRows: z
    .array(z.object({ row: z.number().int(), programme: z.string(), measure: z.string(), code: z.string(), title: z.string() }))
    .optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  /** true: answer 202 with an ImportJob at once and run the import in the background (progress at GET /api/imports/:id) */
  background: z.enum(['true', 'false']).default('false'),
});
