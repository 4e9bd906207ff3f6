import type {
  Rectification,
  RectificationAction,
  RectificationItem,
  RectificationResolution,
  RectificationSource,
  RectificationStatus,
  RevisitOutcome,
  RevisitWay,
  TimeLimitKind,
  Timer,
} from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { unseal } from '../../platform/crypto/sealed.ts';
import { maskName, maskPhone } from '../../platform/privacy/mask.ts';
import { cachedDepartmentsBasics, departmentHeadPersonId, peopleBasics, presentPeopleOf } from '../org/index.ts';
import { timersOf } from '../time-limits/index.ts';
import { rectificationRepo, RUNNING_STATUSES, type RectificationRow } from './rectification.repo.ts';
import { rectificationAbilities, rectificationPolicy, type RectificationAccess } from './rectification.policy.ts';

type Item = RectificationRow & Partial<Pick<RectificationAccess, 'headPersonId'>>;

/** Timers of items that may run under different rules (the limit kind each was opened with), by item id. */
async function timersOfItems(ctx: Ctx, rows: RectificationRow[]): Promise<Map<string, Timer>> {
  const byKind = new Map<string, string[]>();
  for (const r of rows) byKind.set(r.limitKind, [...(byKind.get(r.limitKind) ?? []), r.id]);
  const today = shanghaiDate(ctx.clock.now());
  const maps = await Promise.all([...byKind].map(([kind, ids]) => timersOf(ctx.db, kind as TimeLimitKind, ids, today)));
  return new Map(maps.flatMap((m) => [...m]));
}

/** Who heads each department now, for the rows that do not carry it yet. */
async function headsOf(ctx: Ctx, rows: Item[]): Promise<Map<string, string | null>> {
  const heads = new Map<string, string | null>();
  for (const r of rows) if (r.headPersonId !== undefined) heads.set(r.departmentId, r.headPersonId);
  for (const d of new Set(rows.map((r) => r.departmentId))) if (!heads.has(d)) heads.set(d, await departmentHeadPersonId(ctx.db, d));
  return heads;
}

/** What leaves the server of items, field by field: names, the deadline from the timer, abilities. */
export async function presentRectifications(ctx: Ctx, rows: Item[]): Promise<RectificationItem[]> {
  if (rows.length === 0) return [];
  const [departments, people, timers, heads] = await Promise.all([
    cachedDepartmentsBasics(
      ctx.db,
      rows.map((r) => r.departmentId),
    ),
    peopleBasics(
      ctx.db,
      rows.flatMap((r) => [r.personId, r.ownerPersonId]),
    ),
    timersOfItems(ctx, rows),
    headsOf(ctx, rows),
  ]);
  const today = shanghaiDate(ctx.clock.now());
  return rows.map((r) => {
    const timer = timers.get(r.id);
    const running = (RUNNING_STATUSES as readonly string[]).includes(r.status);
    const access: RectificationAccess = { ...r, headPersonId: heads.get(r.departmentId) ?? null };
    return {
      id: r.id,
      code: r.code,
      source: r.source as RectificationSource,
      sourceId: r.sourceId,
      departmentId: r.departmentId,
      departmentName: departments.get(r.departmentId)?.name ?? '',
      personId: r.personId,
      personName: r.personId ? (people.get(r.personId)?.name ?? null) : null,
      ownerPersonId: r.ownerPersonId,
      ownerName: r.ownerPersonId ? (people.get(r.ownerPersonId)?.name ?? null) : null,
      title: r.title,
      status: r.status as RectificationStatus,
      revisited: r.revisited === 1,
      createdAt: r.createdAt,
      dueOn: timer?.dueOn ?? r.dueOn,
      workingDaysLeft: r.status === 'withdrawn' ? null : (timer?.workingDaysLeft ?? null),
      // a withdrawn item is overdue of nothing; a verified one tells whether it was done late
      overdue: r.status === 'withdrawn' ? false : timer ? timer.overdue : running && r.dueOn < today,
      timer: r.status === 'withdrawn' ? null : (timer ?? null),
      version: r.version,
      abilities: rectificationAbilities(ctx.actor!, access),
    };
  });
}

/** One item with its text, its answer, history, revisits and — for whoever may assign it — whom it may go to. */
export async function presentRectification(ctx: Ctx, config: Config, row: Item): Promise<Rectification> {
  const [item] = await presentRectifications(ctx, [row]);
  const [events, revisits, timers] = await Promise.all([
    rectificationRepo.events(ctx.db, row.id),
    rectificationRepo.revisits(ctx.db, row.id),
    timersOfItems(ctx, [row]),
  ]);
  const candidates = item!.abilities.assign ? await presentPeopleOf(ctx.db, row.departmentId) : [];
  const names = await peopleBasics(ctx.db, [...candidates, ...events.map((e) => e.ownerPersonId)]);
  // 回访 names whom the office reached among the public: in full only to those who may verify
  const full = rectificationPolicy.allowed(ctx.actor!, 'verify', { ...row, headPersonId: null });
  const open = (sealed: string | null) => (sealed ? unseal(config, sealed) : null);
  return {
    ...item!,
    detail: row.detail,
    resolution: row.resolution as RectificationResolution | null,
    resolutionNote: row.resolutionNote,
    attachmentRef: row.attachmentRef,
    submittedAt: row.submittedAt,
    closedAt: row.closedAt,
    onTime: row.status === 'verified' ? (timers.get(row.id)?.onTime ?? null) : null,
    events: events.map((e) => ({
      id: e.id,
      action: e.action as RectificationAction,
      actorName: e.actorName,
      note: e.note,
      attachmentRef: e.attachmentRef,
      ownerName: e.ownerPersonId ? (names.get(e.ownerPersonId)?.name ?? null) : null,
      at: e.at,
    })),
    revisits: revisits.map((v) => {
      const name = open(v.contactNameSealed);
      const phone = open(v.contactPhoneSealed);
      return {
        id: v.id,
        revisitedOn: v.revisitedOn,
        way: v.way as RevisitWay,
        contactName: full ? name : maskName(name),
        contactPhone: full ? phone : maskPhone(phone),
        outcome: v.outcome as RevisitOutcome,
        note: v.note,
        byName: v.byName,
        createdAt: v.createdAt,
      };
    }),
    ownerCandidates: candidates.map((id) => ({ id, name: names.get(id)?.name ?? '', title: names.get(id)?.title ?? null })),
  };
}
