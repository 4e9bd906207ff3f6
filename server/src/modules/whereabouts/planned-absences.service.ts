import type { z } from 'zod';
import {
  detailMessage,
  type PlannedAbsenceCreateBody,
  type PlannedAbsenceKind,
  type PlannedAbsenceQuery,
  type PlannedAbsenceStatus,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { peopleBasics } from '../org/index.ts';
import { plannedAbsencesRepo, type AbsenceVisibility, type PlannedAbsenceRow } from './planned-absences.repo.ts';
import { whereaboutsRepo } from './whereabouts.repo.ts';
import { absencePolicy, whereaboutsPolicy } from './whereabouts.policy.ts';
import { applyWhereabouts, myPersonId, personLeft, visiblePerson } from './whereabouts.service.ts';
import { ABSENCE_STATUS_LABELS, KIND_LABELS, shanghaiMinute } from './whereabouts-texts.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

/**
 * 登记请假/出差/培训: a person (or the head/office over their department) registers an absence ahead.
 * It must end after it starts and after now, and may not overlap another open one of the same person.
 * One that has already begun switches the person's state at once; the minute job does the rest.
 */
export async function registerAbsence(ctx: Ctx, body: PlannedAbsenceCreateBody): Promise<PlannedAbsenceRow> {
  return inTransaction(ctx, async (tx) => {
    const actor = actorOf(tx);
    const personId = body.personId ?? myPersonId(tx);
    const person = await visiblePerson(tx, personId);
    whereaboutsPolicy.assert(actor, 'set', { personId, departmentId: person.departmentId });
    if (person.status === 'left') throw personLeft(person);
    const now = iso(tx.clock.now());
    const startsAt = iso(new Date(body.startsAt));
    const endsAt = iso(new Date(body.endsAt));
    if (endsAt <= startsAt) throw invalid([{ path: 'body.endsAt', message: detailMessage('absence_ends_before_start', tx.lang) }]);
    if (endsAt <= now) throw invalid([{ path: 'body.endsAt', message: detailMessage('absence_already_over', tx.lang) }]);
    const clash = await plannedAbsencesRepo.overlapping(tx.db, personId, startsAt, endsAt);
    if (clash) {
      const kind = KIND_LABELS[clash.kind as PlannedAbsenceKind];
      throw new DomainError('absence_overlaps', 409, {
        kind: kind.zh,
        kindEn: kind.en,
        startsAt: shanghaiMinute(clash.startsAt),
        endsAt: shanghaiMinute(clash.endsAt),
      });
    }
    const row: PlannedAbsenceRow = {
      id: newId(),
      personId,
      departmentId: person.departmentId,
      kind: body.kind,
      startsAt,
      endsAt,
      place: body.place || null,
      note: body.note || null,
      status: 'scheduled',
      createdByPersonId: actor.personId,
      createdByName: actor.name,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await plannedAbsencesRepo.insert(tx.db, row);
    await recordAudit(tx, { action: 'planned_absence.create', entityType: 'planned_absence', entityId: row.id, after: row });
    if (startsAt <= now) return (await startAbsence(tx, row.id)) ?? row;
    return row;
  });
}

/** An absence the actor may see (the person, and those who manage their department), or 404. */
export async function getAbsence(ctx: Ctx, id: string): Promise<PlannedAbsenceRow> {
  const row = await plannedAbsencesRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  absencePolicy.assertVisible(actorOf(ctx), row);
  return row;
}

/** 撤销: a scheduled one is dropped; one under way ends now, and the person is back if its state still stands. */
export async function cancelAbsence(ctx: Ctx, id: string): Promise<PlannedAbsenceRow> {
  return inTransaction(ctx, async (tx) => {
    const actor = actorOf(tx);
    const row = await plannedAbsencesRepo.byId(tx.db, id);
    if (!row) throw notFound();
    absencePolicy.assertVisible(actor, row);
    whereaboutsPolicy.assert(actor, 'set', row);
    if (!absencePolicy.allowed(actor, 'cancel', row)) {
      const label = ABSENCE_STATUS_LABELS[row.status as PlannedAbsenceStatus];
      throw new DomainError('absence_not_cancellable', 409, { status: label.zh, statusEn: label.en });
    }
    const after = await moveAbsence(tx, row, 'cancelled', 'planned_absence.cancel');
    if (row.status === 'active') await returnFrom(tx, row, actor.personId === row.personId ? 'self' : 'head');
    return after;
  });
}

/** Move an absence from the status it was read in; throws 409 when someone else moved it first. */
async function moveAbsence(tx: TxCtx, row: PlannedAbsenceRow, to: PlannedAbsenceStatus, action: string): Promise<PlannedAbsenceRow> {
  const now = iso(tx.clock.now());
  if (!(await plannedAbsencesRepo.moveStatus(tx.db, row, to, now))) throw new DomainError('version_conflict', 409);
  const after = { ...row, status: to, updatedAt: now, version: row.version + 1 };
  await recordAudit(tx, { action, entityType: 'planned_absence', entityId: row.id, before: row, after });
  return after;
}

/** Back in the office at the end — only if the state is still the one this absence set (a later change by hand stands). */
async function returnFrom(tx: TxCtx, row: PlannedAbsenceRow, source: 'self' | 'head' | 'planned') {
  const current = await whereaboutsRepo.byPerson(tx.db, row.personId);
  if (current?.plannedAbsenceId !== row.id) return;
  const person = (await peopleBasics(tx.db, [row.personId])).get(row.personId);
  if (!person || person.status === 'left') return;
  await applyWhereabouts(tx, person, {
    state: 'in_office',
    place: null,
    expectedReturnAt: null,
    note: null,
    source,
    plannedAbsenceId: null,
  });
}

/**
 * The start of a scheduled absence: the person's state becomes its kind, with its place and end as
 * the expected return. Does nothing when it is no longer scheduled (another run took it); one whose
 * person has left is cancelled, one whose end has passed already is ended without switching anything.
 */
export async function startAbsence(tx: TxCtx, id: string): Promise<PlannedAbsenceRow | null> {
  const row = await plannedAbsencesRepo.byId(tx.db, id);
  if (!row || row.status !== 'scheduled') return null;
  const now = iso(tx.clock.now());
  if (row.endsAt <= now) return moveAbsence(tx, row, 'ended', 'planned_absence.end');
  const person = (await peopleBasics(tx.db, [row.personId])).get(row.personId);
  if (!person || person.status === 'left') return moveAbsence(tx, row, 'cancelled', 'planned_absence.cancel');
  const after = await moveAbsence(tx, row, 'active', 'planned_absence.start');
  await applyWhereabouts(tx, person, {
    state: row.kind as PlannedAbsenceKind,
    place: row.place,
    expectedReturnAt: row.endsAt,
    note: row.note,
    source: 'planned',
    plannedAbsenceId: row.id,
  });
  return after;
}

/** The end of an active absence: ended, and the person back in the office if its state still stands. */
export async function endAbsence(tx: TxCtx, id: string): Promise<PlannedAbsenceRow | null> {
  const row = await plannedAbsencesRepo.byId(tx.db, id);
  if (!row || row.status !== 'active') return null;
  const after = await moveAbsence(tx, row, 'ended', 'planned_absence.end');
  await returnFrom(tx, row, 'planned');
  return after;
}

/**
 * One pass of the minute job: ends first (so that a leave ending as a trip begins hands over
 * cleanly), then starts. Each absence in its own transaction; each step checks the status it moves
 * from, so a second run, or two instances at once, change nothing twice.
 */
export async function runPlannedAbsences(ctx: Ctx): Promise<{ started: number; ended: number }> {
  const now = iso(ctx.clock.now());
  let ended = 0;
  let started = 0;
  for (const { id } of await plannedAbsencesRepo.dueToEnd(ctx.db, now)) {
    if (await inTransaction(ctx, (tx) => endAbsence(tx, id))) ended++;
  }
  for (const { id } of await plannedAbsencesRepo.dueToStart(ctx.db, now)) {
    if ((await inTransaction(ctx, (tx) => startAbsence(tx, id)))?.status === 'active') started++;
  }
  return { started, ended };
}

/** 请假/出差/培训 the actor may see: their own, and — with whereabouts.manage — their departments'. */
export async function listAbsences(ctx: Ctx, q: z.output<typeof PlannedAbsenceQuery>) {
  const a = actorOf(ctx);
  const manages = a.permissions.has('whereabouts.manage');
  const v: AbsenceVisibility =
    manages && a.scope.all ? { all: true } : { all: false, departmentIds: manages ? [...a.scope.departmentIds] : [], personId: a.personId };
  return plannedAbsencesRepo.page(
    ctx.db,
    v,
    { personId: q.personId, departmentId: q.departmentId, status: q.status },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
}
