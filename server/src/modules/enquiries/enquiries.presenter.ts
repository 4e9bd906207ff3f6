import type { EnquiryChannel, EnquiryDetail, EnquiryHandover, EnquiryReplyWay, EnquiryStatus, EnquirySummary } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { unseal } from '../../platform/crypto/sealed.ts';
import { maskEmail, maskName, maskPhone } from '../../platform/privacy/mask.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { timersOf } from '../time-limits/index.ts';
import type { HandoverRow } from './enquiries.repo.ts';
import { enquiryAbilities, enquiryPolicy, receives } from './enquiries.policy.ts';
import type { SealKeys } from './enquiries.service.ts';
import type { EnquiryView, EnquiryViews } from './enquiry-views.ts';

/** A contact as lists show it (脱敏): e-mail and phone masks, any other text its first two characters. */
export function maskContact(value: string | null): string | null {
  if (!value) return null;
  if (value.includes('@')) return maskEmail(value);
  if ((value.match(/\d/g) ?? []).length >= 7) return maskPhone(value);
  const chars = [...value.trim()];
  return chars.slice(0, 2).join('') + '***';
}

const open = (keys: SealKeys, sealed: string | null) => {
  if (!sealed) return null;
  try {
    return unseal(keys, sealed);
  } catch {
    return '***'; // sealed under another instance's key: say nothing rather than fail the page
  }
};

/** Names of everything the enquiries name: units (departments and the chain's), people and posts. */
async function namesOf(ctx: Ctx, v: EnquiryViews) {
  const departments = await cachedDepartmentsBasics(ctx.db, [
    ...v.views.map((x) => x.row.departmentId),
    ...v.views.flatMap((x) => x.chain.map((h) => h.toDepartmentId)),
  ]);
  const person = (id: string | null) => (id ? (v.people.get(id)?.name ?? '') : null);
  const target = (h: HandoverRow): EnquiryHandover['to'] => {
    if (h.toPersonId) return { kind: 'person', id: h.toPersonId, name: person(h.toPersonId) ?? '', actingPersonName: null };
    if (h.toPostId) {
      const post = v.posts.get(h.toPostId);
      return { kind: 'post', id: h.toPostId, name: post?.name ?? '', actingPersonName: post?.actingPersonName ?? null };
    }
    const id = h.toDepartmentId!;
    return { kind: 'department', id, name: departments.get(id)?.name ?? '', actingPersonName: null };
  };
  return { departments, person, target };
}

type Names = Awaited<ReturnType<typeof namesOf>>;

function summary(ctx: Ctx, x: EnquiryView, names: Names, keys: SealKeys, timer: EnquirySummary['timer']): EnquirySummary {
  const r = x.row;
  const pending = x.chain.find((h) => h.status === 'pending');
  return {
    id: r.id,
    code: formatTrackingCode(r.code),
    channel: r.channel as EnquiryChannel,
    enquirerName: maskName(open(keys, r.enquirerNameSealed)) ?? '',
    enquirerContact: maskContact(open(keys, r.enquirerContactSealed)),
    subject: r.subject,
    status: r.status as EnquiryStatus,
    departmentId: r.departmentId,
    departmentName: names.departments.get(r.departmentId)?.name ?? '',
    ownerPersonId: r.ownerPersonId,
    ownerName: names.person(r.ownerPersonId) ?? '',
    actingForPersonId: r.actingForPersonId,
    actingForName: names.person(r.actingForPersonId),
    pendingTo: pending ? names.target(pending) : null,
    createdAt: r.createdAt,
    repliedAt: r.repliedAt,
    closedAt: r.closedAt,
    timer,
    version: r.version,
    abilities: enquiryAbilities(ctx.actor!, x.access),
  };
}

/** What leaves the server of enquiries in a list: the enquirer masked, the deadline, the abilities. */
export async function presentEnquiries(ctx: Ctx, v: EnquiryViews, keys: SealKeys): Promise<EnquirySummary[]> {
  if (v.views.length === 0) return [];
  const [names, timers] = await Promise.all([
    namesOf(ctx, v),
    timersOf(
      ctx.db,
      'enquiry',
      v.views.map((x) => x.row.id),
      shanghaiDate(ctx.clock.now()),
    ),
  ]);
  return v.views.map((x) => summary(ctx, x, names, keys, timers.get(x.row.id) ?? null));
}

/**
 * One enquiry with its chain. The enquirer's name and contact are shown in full to those who
 * answer it — the owner and the receiver of its pending hand-over — and to supervisors
 * (enquiries.read); to the rest of the chain they stay masked.
 */
export async function presentEnquiryDetail(ctx: Ctx, v: EnquiryViews & { view: EnquiryView }, keys: SealKeys): Promise<EnquiryDetail> {
  const a = ctx.actor!;
  const x = v.view;
  const r = x.row;
  const [names, timers] = await Promise.all([namesOf(ctx, v), timersOf(ctx.db, 'enquiry', [r.id], shanghaiDate(ctx.clock.now()))]);
  const shown =
    a.personId === r.ownerPersonId ||
    receives(a, x.access.pending) ||
    (a.permissions.has('enquiries.read') && enquiryPolicy.canSee(a, x.access));
  const base = summary(ctx, x, names, keys, timers.get(r.id) ?? null);
  return {
    ...base,
    enquirerName: shown ? (open(keys, r.enquirerNameSealed) ?? '') : base.enquirerName,
    enquirerContact: shown ? open(keys, r.enquirerContactSealed) : base.enquirerContact,
    contactShown: shown,
    body: r.body,
    registeredByName: names.person(r.registeredByPersonId) ?? '',
    reply: r.reply,
    replyWay: r.replyWay as EnquiryReplyWay | null,
    repliedByName: names.person(r.repliedByPersonId),
    handovers: x.chain.map((h) => ({
      id: h.id,
      kind: h.kind as EnquiryHandover['kind'],
      fromPersonId: h.fromPersonId,
      fromName: names.person(h.fromPersonId) ?? '',
      to: names.target(h),
      note: h.note,
      status: h.status as EnquiryHandover['status'],
      decidedByName: names.person(h.decidedByPersonId),
      actingForName: names.person(h.actingForPersonId),
      decisionNote: h.decisionNote,
      decidedAt: h.decidedAt,
      createdAt: h.createdAt,
    })),
  };
}
