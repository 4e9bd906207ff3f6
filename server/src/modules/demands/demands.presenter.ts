import type { DemandDetail, DemandSummary } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { unseal } from '../../platform/crypto/sealed.ts';
import { maskEmail, maskName, maskPhone } from '../../platform/privacy/mask.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { cachedDepartmentsBasics, peopleBasics } from '../org/index.ts';
import { timersOf } from '../time-limits/index.ts';
import type { IntakeKeys } from './demand-intake.service.ts';
import { demandAbilities } from './demands.policy.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';

/** What the presenter reads beside the rows, for a page of items at once. */
type Lookups = { departments: Map<string, { name: string }>; timers: Awaited<ReturnType<typeof timersOf>>; merged: Map<string, number> };

const opened = (keys: IntakeKeys, sealed: string | null) => (sealed ? unseal(keys, sealed) : null);

async function lookups(db: Executor, rows: DemandRow[], today: string): Promise<Lookups> {
  const ids = rows.map((r) => r.id);
  const [departments, timers, merged] = await Promise.all([
    cachedDepartmentsBasics(
      db,
      rows.flatMap((r) => [r.departmentId, r.suggestedDepartmentId]),
    ),
    timersOf(db, 'public_demand', ids, today),
    demandsRepo.mergedCounts(db, ids),
  ]);
  return { departments, timers, merged };
}

function summaryOf(actor: Actor, keys: IntakeKeys, r: DemandRow, l: Lookups): DemandSummary {
  return {
    id: r.id,
    code: formatTrackingCode(r.code),
    kind: r.kind as DemandSummary['kind'],
    channel: r.channel as DemandSummary['channel'],
    title: r.title,
    status: r.status as DemandSummary['status'],
    category: r.category,
    departmentId: r.departmentId,
    departmentName: r.departmentId ? (l.departments.get(r.departmentId)?.name ?? null) : null,
    suggestedCategory: r.suggestedCategory,
    suggestedDepartmentId: r.suggestedDepartmentId,
    suggestedDepartmentName: r.suggestedDepartmentId ? (l.departments.get(r.suggestedDepartmentId)?.name ?? null) : null,
    // 脱敏: lists never carry the submitter's contact in full (the contact route does, audited)
    submitterName: maskName(opened(keys, r.submitterNameSealed)),
    phone: maskPhone(opened(keys, r.phoneSealed)),
    email: maskEmail(opened(keys, r.emailSealed)),
    solicitationId: r.solicitationId,
    mergedIntoId: r.mergedIntoId,
    mergedCount: l.merged.get(r.id) ?? 0,
    urgent: r.urgent === 1,
    hidden: r.hiddenAt !== null,
    rating: r.rating,
    createdAt: r.createdAt,
    timer: l.timers.get(r.id) ?? null,
    version: r.version,
    abilities: demandAbilities(actor, r),
  };
}

export async function presentDemandSummaries(db: Executor, actor: Actor, keys: IntakeKeys, rows: DemandRow[], now: Date) {
  const l = await lookups(db, rows, shanghaiDate(now));
  return rows.map((r) => summaryOf(actor, keys, r, l));
}

export async function presentDemandDetail(db: Executor, actor: Actor, keys: IntakeKeys, r: DemandRow, now: Date): Promise<DemandDetail> {
  const [[summary], events, attachments, merged] = await Promise.all([
    presentDemandSummaries(db, actor, keys, [r], now),
    demandsRepo.events(db, r.id),
    demandsRepo.attachments(db, r.id),
    demandsRepo.mergedInto(db, r.id),
  ]);
  const [people, units] = await Promise.all([
    peopleBasics(
      db,
      events.map((e) => e.personId),
    ),
    cachedDepartmentsBasics(
      db,
      events.map((e) => e.departmentId),
    ),
  ]);
  return {
    ...summary!,
    body: r.body,
    address: r.address,
    lat: r.lat,
    long: r.long,
    reply: r.reply,
    repliedAt: r.repliedAt,
    closedAt: r.closedAt,
    ratingComment: r.ratingComment,
    hiddenReason: r.hiddenReason,
    sentBackCount: r.sentBackCount,
    reopenedCount: r.reopenedCount,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      personName: e.personId ? (people.get(e.personId)?.name ?? null) : null,
      departmentName: e.departmentId ? (units.get(e.departmentId)?.name ?? null) : null,
      note: e.note,
      at: e.at,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      originalName: a.originalName,
      contentType: a.contentType,
      bytes: a.bytes,
      createdAt: a.createdAt,
    })),
    merged: merged.map((m) => ({
      id: m.id,
      code: formatTrackingCode(m.code),
      title: m.title,
      channel: m.channel as DemandSummary['channel'],
      createdAt: m.createdAt,
    })),
  };
}
