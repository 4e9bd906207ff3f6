import { z } from 'zod';
import { Id, Instant, line, PageQuery, pageOf, prose } from './common.ts';
import { Timer } from './time-limits.ts';

/**
 * 首问负责制 (first-inquiry responsibility): whoever is asked first registers the enquiry and owns it
 * until it is answered and closed, or handed over — to a person, a post (its acting holder, B when A
 * is away) or a department — and the receiver accepts. Ownership moves only on acceptance, so an
 * enquiry always has an owner; the whole chain of hand-overs is on record.
 */

/** 来访 visitor · 来电 phone · 留言 message · 其他 other */
export const EnquiryChannel = z.enum(['visitor', 'phone', 'message', 'other']);
export type EnquiryChannel = z.infer<typeof EnquiryChannel>;

/** 办理中 open · 移交中 handing_over (a hand-over awaits acceptance) · 已答复 replied · 已办结 closed */
export const EnquiryStatus = z.enum(['open', 'handing_over', 'replied', 'closed']);
export type EnquiryStatus = z.infer<typeof EnquiryStatus>;

/** How the enquirer was answered: 当面 · 电话 · 短信 · 邮件 · 书面 */
export const EnquiryReplyWay = z.enum(['in_person', 'phone', 'sms', 'email', 'letter']);
export type EnquiryReplyWay = z.infer<typeof EnquiryReplyWay>;

export const EnquiryHandoverStatus = z.enum(['pending', 'accepted', 'declined', 'cancelled']);
export type EnquiryHandoverStatus = z.infer<typeof EnquiryHandoverStatus>;

/** handover: offered and decided · take_back: A, back at work, takes back what B held for them */
export const EnquiryHandoverKind = z.enum(['handover', 'take_back']);

/** POST /api/enquiries: the registering person becomes the owner (首问责任人). */
export const EnquiryCreateBody = z.object({
  channel: EnquiryChannel,
  enquirerName: line(1, 50),
  /** phone, e-mail or address as the enquirer gave it; sealed at rest, masked in lists */
  enquirerContact: line(1, 100).nullable().optional(),
  subject: line(1, 200),
  body: prose(1, 4000),
});
export type EnquiryCreateBody = z.input<typeof EnquiryCreateBody>;

/** POST /api/enquiries/:id/handovers: to exactly one of a person, a post or a department. */
export const EnquiryHandoverBody = z
  .object({
    toPersonId: Id.optional(),
    toPostId: Id.optional(),
    toDepartmentId: Id.optional(),
    note: prose(0, 1000).optional(),
    version: z.number().int(),
  })
  .refine((b) => [b.toPersonId, b.toPostId, b.toDepartmentId].filter(Boolean).length === 1, {
    message: 'exactly one of toPersonId, toPostId, toDepartmentId',
    path: ['toPersonId'],
  });
export type EnquiryHandoverBody = z.input<typeof EnquiryHandoverBody>;

/** accept / decline / cancel a pending hand-over; a decline says why. */
export const EnquiryHandoverDecisionBody = z.object({ note: prose(0, 1000).optional() });
export type EnquiryHandoverDecisionBody = z.input<typeof EnquiryHandoverDecisionBody>;
export const EnquiryHandoverParams = z.object({ id: Id, hid: Id });

export const EnquiryReplyBody = z.object({ reply: prose(1, 4000), replyWay: EnquiryReplyWay, version: z.number().int() });
export type EnquiryReplyBody = z.input<typeof EnquiryReplyBody>;
export const EnquiryVersionBody = z.object({ version: z.number().int() });
export type EnquiryVersionBody = z.input<typeof EnquiryVersionBody>;

const EnquiryAbilities = z.object({
  handOver: z.boolean(),
  reply: z.boolean(),
  close: z.boolean(),
  accept: z.boolean(),
  decline: z.boolean(),
  cancel: z.boolean(),
  /** A, back at work, may take back what B held for them (acting for A) */
  takeBack: z.boolean(),
});

/** Where a pending hand-over is going, named for display. */
export const EnquiryHandoverTarget = z.object({
  kind: z.enum(['person', 'post', 'department']),
  id: Id,
  name: z.string(),
  /** a post: who would accept it now (its acting holder) */
  actingPersonName: z.string().nullable(),
});

export const EnquirySummary = z.object({
  id: Id,
  /** public tracking code, grouped for reading (7KQ3-MZ8R-XH2W-5) */
  code: z.string(),
  channel: EnquiryChannel,
  /** masked in lists (张**); in full in the detail for those who answer it */
  enquirerName: z.string(),
  enquirerContact: z.string().nullable(),
  subject: z.string(),
  status: EnquiryStatus,
  departmentId: Id,
  departmentName: z.string(),
  ownerPersonId: Id,
  ownerName: z.string(),
  /** B owns it for A (AB岗): A's id and name */
  actingForPersonId: Id.nullable(),
  actingForName: z.string().nullable(),
  pendingTo: EnquiryHandoverTarget.nullable(),
  createdAt: Instant,
  repliedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  /** 限时办结: its deadline, from the time-limits module */
  timer: Timer.nullable(),
  version: z.number().int(),
  abilities: EnquiryAbilities,
});
export type EnquirySummary = z.infer<typeof EnquirySummary>;

export const EnquiryHandover = z.object({
  id: Id,
  kind: EnquiryHandoverKind,
  fromPersonId: Id,
  fromName: z.string(),
  to: EnquiryHandoverTarget,
  note: z.string().nullable(),
  status: EnquiryHandoverStatus,
  decidedByName: z.string().nullable(),
  /** B accepted it for A */
  actingForName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: Instant.nullable(),
  createdAt: Instant,
});
export type EnquiryHandover = z.infer<typeof EnquiryHandover>;

export const EnquiryDetail = EnquirySummary.extend({
  body: z.string(),
  /** the enquirer's name and contact are in full (not masked) in this answer */
  contactShown: z.boolean(),
  registeredByName: z.string(),
  reply: z.string().nullable(),
  replyWay: EnquiryReplyWay.nullable(),
  repliedByName: z.string().nullable(),
  /** the hand-over chain, oldest first */
  handovers: z.array(EnquiryHandover),
});
export type EnquiryDetail = z.infer<typeof EnquiryDetail>;

/**
 * mine: I own it (or B holds it for me) · awaiting: a hand-over waits for my acceptance ·
 * department: my department's · all: everything I may see.
 */
export const EnquiryBox = z.enum(['mine', 'awaiting', 'department', 'all']);
export type EnquiryBox = z.infer<typeof EnquiryBox>;

export const EnquiryQuery = PageQuery.extend({
  box: EnquiryBox.default('mine'),
  status: EnquiryStatus.optional(),
  channel: EnquiryChannel.optional(),
  /** true: not yet closed (正在办理、移交中、已答复) — the time limit still runs (the desk's 我负责的咨询) */
  active: z.enum(['true', 'false']).optional(),
  /** words of the subject, or a tracking code */
  q: line(0, 50).optional(),
});
export type EnquiryQuery = z.input<typeof EnquiryQuery>;
export const EnquiryPage = pageOf(EnquirySummary);
export type EnquiryPage = z.infer<typeof EnquiryPage>;

export const PublicEnquiryParams = z.object({ code: z.string().max(64) });

/** What the enquirer sees by the tracking code: status, the answer and dates; of staff only names, posts and units. */
export const PublicEnquiry = z.object({
  code: z.string(),
  channel: EnquiryChannel,
  subject: z.string(),
  status: EnquiryStatus,
  createdAt: Instant,
  handledBy: z.object({ name: z.string(), postName: z.string().nullable(), departmentName: z.string() }),
  reply: z.string().nullable(),
  replyWay: EnquiryReplyWay.nullable(),
  repliedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  /** registered, then each accepted hand-over: where it went and when */
  steps: z.array(z.object({ at: Instant, kind: z.enum(['registered', 'transferred', 'replied', 'closed']), departmentName: z.string() })),
});
export type PublicEnquiry = z.infer<typeof PublicEnquiry>;
