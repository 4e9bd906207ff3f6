import { z } from 'zod';
import { Id, Instant, line, PageQuery, pageOf, prose } from './common.ts';
import { Timer } from './time-limits.ts';

/**
 * 群众诉求与民生实事建议 (issue 14): the public's demands (急难愁盼, answered in a closed loop like a
 * 12345 hotline) and suggestions for next year's livelihood projects (民生实事, asked in solicitation
 * campaigns), from every channel, each leaving the same kind of record.
 */

/** suggestion 民生实事建议 · demand 急难愁盼诉求 */
export const DemandKind = z.enum(['suggestion', 'demand']);
export type DemandKind = z.infer<typeof DemandKind>;

/** web 网页/扫码 · email 邮件 · phone 来电 · letter 来信 · open311 (GeoReport v2 clients) */
export const DemandChannel = z.enum(['web', 'email', 'phone', 'letter', 'open311']);
export type DemandChannel = z.infer<typeof DemandChannel>;

/**
 * received 待受理 → accepted 已受理（待派单）→ dispatched 已派单（待部门签收）→ handling 办理中 →
 * replied 已答复 → closed 已办结; a department may send a dispatched item back once (退单) — it
 * returns to accepted for the office to re-dispatch (改派); rejected 不予受理 (with the reason).
 */
export const DemandStatus = z.enum(['received', 'accepted', 'dispatched', 'handling', 'replied', 'closed', 'rejected']);
export type DemandStatus = z.infer<typeof DemandStatus>;

/** A mainland mobile (11 digits from 1) or a landline with its area code (0791-88888888). */
export const PublicPhone = z
  .string()
  .trim()
  .regex(/^(?:1\d{10}|0\d{2,3}-?\d{7,8})$/, 'phone');

/** Text of a submission: enough to act on, never a flood. */
export const DemandTitle = line(2, 100);
export const DemandText = prose(5, 2000);

// ---------------------------------------------------------------------------------------------
// Public (no account)

/** What a submission says, whoever enters it: the submitter on the form, or a clerk for a caller or a letter. */
const DemandContent = z.object({
  kind: DemandKind,
  /** the category the submitter chose (a campaign's list); the office confirms or changes it */
  category: line(1, 40).optional(),
  title: DemandTitle,
  body: DemandText,
  name: line(1, 50).optional(),
  /** optional: for replies by text message or call-back */
  phone: PublicPhone.optional(),
  email: z.string().trim().max(200).email().optional(),
  address: line(1, 200).optional(),
});

/** POST /api/public/demands: from the mobile form (the QR poster's page), no account needed. */
export const PublicDemandSubmitBody = DemandContent.extend({
  /** the solicitation campaign's public code, for a suggestion made on its page */
  solicitationCode: z.string().max(64).optional(),
});
export type PublicDemandSubmitBody = z.input<typeof PublicDemandSubmitBody>;

/** What the submitter keeps: the tracking code (查询码) and when to expect an answer. */
export const PublicDemandReceipt = z.object({
  code: z.string(),
  /** grouped for reading (7KQ3-MZ8R-XH2W-5) */
  displayCode: z.string(),
  status: DemandStatus,
  /** the working-day limit's last day, once the time limit runs (YYYY-MM-DD) */
  expectedBy: z.string().nullable(),
});
export type PublicDemandReceipt = z.infer<typeof PublicDemandReceipt>;

export const PublicDemandParams = z.object({ code: z.string().max(64) });

/** The tracking page: status, replies and the expected date — no personal data of anyone but staff units. */
export const PublicDemand = z.object({
  code: z.string(),
  displayCode: z.string(),
  kind: DemandKind,
  channel: DemandChannel,
  title: z.string(),
  body: z.string(),
  status: DemandStatus,
  category: z.string().nullable(),
  departmentName: z.string().nullable(),
  createdAt: Instant,
  expectedBy: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  rating: z.number().int().nullable(),
  /** the submitter may rate once, after the reply */
  canRate: z.boolean(),
  /** the submitter may reopen once, within 15 days of closing, if unsatisfied */
  canReopen: z.boolean(),
  steps: z.array(z.object({ at: Instant, kind: z.string(), departmentName: z.string().nullable() })),
});
export type PublicDemand = z.infer<typeof PublicDemand>;

/** POST /api/public/demands/:code/rating: 1 非常不满意 … 5 非常满意; 1–2 are bad reviews (差评). */
export const PublicDemandRatingBody = z.object({ rating: z.number().int().min(1).max(5), comment: prose(0, 500).optional() });
export type PublicDemandRatingBody = z.input<typeof PublicDemandRatingBody>;

/** POST /api/public/demands/:code/reopen: once, with the reason. */
export const PublicDemandReopenBody = z.object({ reason: prose(2, 500) });
export type PublicDemandReopenBody = z.input<typeof PublicDemandReopenBody>;

// ---------------------------------------------------------------------------------------------
// Solicitation campaigns (征集活动)

export const SolicitationBody = z
  .object({
    title: line(2, 100),
    description: prose(0, 2000),
    categories: z.array(line(1, 40)).min(1).max(30),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
  })
  .refine((b) => b.closesOn >= b.opensOn, { message: 'closesOn before opensOn', path: ['closesOn'] });
export type SolicitationBody = z.input<typeof SolicitationBody>;
export const SolicitationPatchBody = z.object({
  title: line(2, 100).optional(),
  description: prose(0, 2000).optional(),
  categories: z.array(line(1, 40)).min(1).max(30).optional(),
  opensOn: z.iso.date().optional(),
  closesOn: z.iso.date().optional(),
  version: z.number().int(),
});
export type SolicitationPatchBody = z.input<typeof SolicitationPatchBody>;

export const Solicitation = z.object({
  id: Id,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  categories: z.array(z.string()),
  opensOn: z.string(),
  closesOn: z.string(),
  /** today within opensOn…closesOn (Asia/Shanghai) */
  open: z.boolean(),
  /** the public page's path (/p/s/:code), printed as the poster's QR code */
  publicPath: z.string(),
  submissions: z.number().int(),
  version: z.number().int(),
});
export type Solicitation = z.infer<typeof Solicitation>;
/** GET /api/solicitations: every campaign, the latest first. */
export const SolicitationList = z.object({ items: z.array(Solicitation) });
export type SolicitationList = z.infer<typeof SolicitationList>;
/** Any text: a malformed code reads as an unknown one (404), so the answer never hints at what a code looks like. */
export const SolicitationCodeParams = z.object({ code: z.string() });

/** The campaign's public page: what it asks, until when, and whether it still takes suggestions. */
export const PublicSolicitation = Solicitation.pick({
  code: true,
  title: true,
  description: true,
  categories: true,
  opensOn: true,
  closesOn: true,
  open: true,
});
export type PublicSolicitation = z.infer<typeof PublicSolicitation>;

// ---------------------------------------------------------------------------------------------
// The console

/** POST /api/demands: a clerk enters a call or a letter (a letter's scan is attached after). */
export const DemandIntakeBody = DemandContent.extend({
  channel: z.enum(['phone', 'letter']),
  solicitationId: Id.optional(),
});
export type DemandIntakeBody = z.input<typeof DemandIntakeBody>;

/** POST /api/demands/import-eml (multipart, one or more .eml files): the items filed, one per mail. */
export const DemandMailImport = z.object({
  items: z.array(z.object({ id: Id, code: z.string(), displayCode: z.string(), title: z.string() })),
});
export type DemandMailImport = z.infer<typeof DemandMailImport>;

export const DemandAbilities = z.object({
  accept: z.boolean(),
  dispatch: z.boolean(),
  reject: z.boolean(),
  take: z.boolean(),
  sendBack: z.boolean(),
  reply: z.boolean(),
  close: z.boolean(),
  merge: z.boolean(),
  hide: z.boolean(),
  revealContact: z.boolean(),
  /** 督办: the office presses the department on an item it is handling (once a day, with the daily urging) */
  urge: z.boolean(),
});
export type DemandAbilities = z.infer<typeof DemandAbilities>;

export const DemandSummary = z.object({
  id: Id,
  code: z.string(),
  kind: DemandKind,
  channel: DemandChannel,
  title: z.string(),
  status: DemandStatus,
  category: z.string().nullable(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  /** the routing suggestion from the text (segmented words + the office's keyword rules) */
  suggestedCategory: z.string().nullable(),
  suggestedDepartmentId: Id.nullable(),
  suggestedDepartmentName: z.string().nullable(),
  /** masked in lists (张*, 138****1234, z***@example.com) */
  submitterName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  solicitationId: Id.nullable(),
  /** merged (并单) into this item */
  mergedIntoId: Id.nullable(),
  /** items merged into this one: their submitters all get its reply */
  mergedCount: z.number().int(),
  urgent: z.boolean(),
  hidden: z.boolean(),
  rating: z.number().int().nullable(),
  createdAt: Instant,
  timer: Timer.nullable(),
  version: z.number().int(),
  abilities: DemandAbilities,
});
export type DemandSummary = z.infer<typeof DemandSummary>;

export const DemandEvent = z.object({
  id: Id,
  kind: z.string(),
  personName: z.string().nullable(),
  departmentName: z.string().nullable(),
  note: z.string().nullable(),
  at: Instant,
});
export type DemandEvent = z.infer<typeof DemandEvent>;

export const DemandAttachment = z.object({
  id: Id,
  originalName: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  createdAt: Instant,
});
export type DemandAttachment = z.infer<typeof DemandAttachment>;

export const DemandDetail = DemandSummary.extend({
  body: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  reply: z.string().nullable(),
  repliedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  ratingComment: z.string().nullable(),
  hiddenReason: z.string().nullable(),
  sentBackCount: z.number().int(),
  reopenedCount: z.number().int(),
  events: z.array(DemandEvent),
  attachments: z.array(DemandAttachment),
  /** the items merged into this one */
  merged: z.array(DemandSummary.pick({ id: true, code: true, title: true, channel: true, createdAt: true })),
});
export type DemandDetail = z.infer<typeof DemandDetail>;

/** inbox: the office's (to accept, to dispatch, sent back) · department: dispatched to mine · all: everything I may see */
export const DemandBox = z.enum(['inbox', 'department', 'all']);
export type DemandBox = z.infer<typeof DemandBox>;

export const DemandQuery = PageQuery.extend({
  box: DemandBox.default('all'),
  status: DemandStatus.optional(),
  kind: DemandKind.optional(),
  channel: DemandChannel.optional(),
  solicitationId: Id.optional(),
  /** words of the title, or a tracking code */
  q: line(0, 50).optional(),
  /** `true`: dispatched or being handled, and past its time limit's last day (超期) */
  overdue: z.enum(['true']).optional(),
});
export type DemandQuery = z.input<typeof DemandQuery>;
export const DemandPage = pageOf(DemandSummary);
export type DemandPage = z.infer<typeof DemandPage>;

export const DemandVersionBody = z.object({ version: z.number().int() });
export type DemandVersionBody = z.input<typeof DemandVersionBody>;
/** 受理: the office confirms the category (and may mark it urgent). */
export const DemandAcceptBody = z.object({ category: line(1, 40).optional(), urgent: z.boolean().optional(), version: z.number().int() });
export type DemandAcceptBody = z.input<typeof DemandAcceptBody>;
/** 派单 / 改派: to the department that handles it. */
export const DemandDispatchBody = z.object({ departmentId: Id, category: line(1, 40).optional(), version: z.number().int() });
export type DemandDispatchBody = z.input<typeof DemandDispatchBody>;
/** 退单 (once per item, with the reason) · 不予受理 · 隐藏 (moderation): each with its reason. */
export const DemandReasonBody = z.object({ reason: prose(2, 500), version: z.number().int() });
export type DemandReasonBody = z.input<typeof DemandReasonBody>;
export const DemandReplyBody = z.object({ reply: prose(2, 4000), version: z.number().int() });
export type DemandReplyBody = z.input<typeof DemandReplyBody>;
/** 督办: what the office wants the department to hear (optional); it changes nothing of the item, so no version. */
export const DemandUrgeBody = z.object({ note: prose(0, 500).optional() });
export type DemandUrgeBody = z.input<typeof DemandUrgeBody>;

/** GET /api/demands/:id/contact: the submitter's contact in full, for the handling clerk; every view audited. */
export const DemandContact = z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() });
export type DemandContact = z.infer<typeof DemandContact>;

// ---------------------------------------------------------------------------------------------
// Routing (分类规则) and merging (并单)

/** A keyword the office maintains: a submission whose words hold it is suggested its category (and department). */
export const DemandRoutingRuleKeyword = line(1, 20);
export const DemandRoutingRuleBody = z.object({
  keyword: DemandRoutingRuleKeyword,
  category: line(1, 40),
  /** the department that usually handles it; none: the rule suggests a category only */
  departmentId: Id.nullable().optional(),
  /** how strongly the keyword points at its category (the weights of the matched rules add up) */
  weight: z.number().int().min(1).max(100).default(1),
});
export type DemandRoutingRuleBody = z.input<typeof DemandRoutingRuleBody>;
export const DemandRoutingRulePatchBody = z.object({
  keyword: DemandRoutingRuleKeyword.optional(),
  category: line(1, 40).optional(),
  departmentId: Id.nullable().optional(),
  weight: z.number().int().min(1).max(100).optional(),
  version: z.number().int(),
});
export type DemandRoutingRulePatchBody = z.input<typeof DemandRoutingRulePatchBody>;
/** DELETE /api/demand-routing-rules/:id?version=… */
export const DemandRoutingRuleDeleteQuery = z.object({ version: z.coerce.number().int() });
export type DemandRoutingRuleDeleteQuery = z.input<typeof DemandRoutingRuleDeleteQuery>;

export const DemandRoutingRule = z.object({
  id: Id,
  keyword: z.string(),
  category: z.string(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  weight: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), remove: z.boolean() }),
});
export type DemandRoutingRule = z.infer<typeof DemandRoutingRule>;
export const DemandRoutingRuleList = z.object({ items: z.array(DemandRoutingRule) });
export type DemandRoutingRuleList = z.infer<typeof DemandRoutingRuleList>;

/** GET /api/demands/:id/similar: 并单候选, most similar first (score: Jaccard over the segmented words, 0–1). */
export const DemandSimilarList = z.object({
  items: z.array(z.object({ id: Id, code: z.string(), title: z.string(), status: DemandStatus, createdAt: Instant, score: z.number() })),
});
export type DemandSimilarList = z.infer<typeof DemandSimilarList>;

/** POST /api/demands/:id/merge: 并单 — this item joins `intoId`, whose reply reaches its submitter too. */
export const DemandMergeBody = z.object({ intoId: Id, version: z.number().int() });
export type DemandMergeBody = z.input<typeof DemandMergeBody>;
/** POST /api/demands/:id/unmerge body: DemandVersionBody. Both answer the two items' new versions. */
export const DemandMergeResult = z.object({
  id: Id,
  mergedIntoId: Id.nullable(),
  version: z.number().int(),
  /** the item it joined (or, after an undo, left) */
  target: z.object({ id: Id, code: z.string(), version: z.number().int() }),
});
export type DemandMergeResult = z.infer<typeof DemandMergeResult>;
