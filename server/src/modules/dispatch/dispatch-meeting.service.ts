import type { z } from 'zod';
import {
  detailMessage,
  DispatchCloseBody as CloseSchema,
  DispatchMeetingBody as MeetingSchema,
  type DispatchCloseBody,
  type DispatchMeetingBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { cachedDepartmentsBasics, peopleBasics } from '../org/index.ts';
import { dispatchRepo, type AttendeeRow, type SheetRow } from './dispatch.repo.ts';
import { sheetToChange, touchSheet } from './dispatch.service.ts';

type MeetingInput = z.output<typeof MeetingSchema>;
type FieldError = { path: string; message: string };

/** Every wrong field of a meeting record at once: its date, the chair, each attendee. */
async function meetingProblems(tx: TxCtx, body: MeetingInput): Promise<FieldError[]> {
  const today = shanghaiDate(tx.clock.now());
  const people = await peopleBasics(tx.db, [body.chairPersonId, ...body.attendees.map((a) => a.personId)]);
  const fields: FieldError[] = [];
  const say = (path: string, code: Parameters<typeof detailMessage>[0], params: Record<string, string | number> = {}) =>
    fields.push({ path, message: detailMessage(code, tx.lang, params) });
  if (body.date > today) say('body.date', 'dispatch_meeting_in_future', { today });
  if (!people.has(body.chairPersonId)) say('body.chairPersonId', 'unknown_ref');
  const first = new Map<string, number>();
  body.attendees.forEach((a, i) => {
    const path = `body.attendees.${i}`;
    if (!people.has(a.personId)) say(`${path}.personId`, 'unknown_ref');
    else if (first.has(a.personId)) say(`${path}.personId`, 'dispatch_attendee_twice', { n: first.get(a.personId)! + 1 });
    else first.set(a.personId, i);
    if (!a.present && !a.absenceReason?.trim()) say(`${path}.absenceReason`, 'dispatch_absence_reason_required');
  });
  return fields;
}

/** The attendance as recorded: names and departments as they are on the day, kept with the sheet. */
async function attendanceRows(tx: TxCtx, sheetId: string, body: MeetingInput): Promise<AttendeeRow[]> {
  const people = await peopleBasics(
    tx.db,
    body.attendees.map((a) => a.personId),
  );
  const departments = await cachedDepartmentsBasics(
    tx.db,
    [...people.values()].map((p) => p.departmentId),
  );
  return body.attendees.map((a, sort) => {
    const person = people.get(a.personId)!;
    return {
      id: newId(),
      sheetId,
      sort,
      personId: person.id,
      name: person.name,
      departmentName: departments.get(person.departmentId)?.name ?? '',
      present: a.present ? 1 : 0,
      absenceReason: a.present ? null : a.absenceReason!.trim(),
    };
  });
}

/**
 * 记录调度会议: when and where it was held (not in the future), who chaired it, who attended and who was
 * absent with the reason, and its minutes. The sheet becomes 已召开; recording again corrects the record
 * until the sheet is closed. Every wrong field is named at once and nothing is written.
 */
export async function recordMeeting(ctx: Ctx, id: string, input: DispatchMeetingBody): Promise<SheetRow> {
  const body = MeetingSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await sheetToChange(tx, id, body.version);
    const problems = await meetingProblems(tx, body);
    if (problems.length) throw invalid(problems);
    const attendees = await attendanceRows(tx, id, body);
    await dispatchRepo.replaceAttendees(tx.db, id, attendees);
    const chair = (await peopleBasics(tx.db, [body.chairPersonId])).get(body.chairPersonId)!;
    const after = await touchSheet(tx, before, {
      status: 'held',
      meetingDate: body.date,
      meetingTime: body.time,
      meetingPlace: body.place,
      chairPersonId: chair.id,
      chairName: chair.name,
      minutes: body.minutes,
      heldAt: before.heldAt ?? iso(tx.clock.now()),
    });
    await recordAudit(tx, {
      action: 'dispatch_sheet.meeting',
      entityType: 'dispatch_sheet',
      entityId: id,
      before,
      after: { ...after, attendees: attendees.map((a) => ({ personId: a.personId, present: a.present, absenceReason: a.absenceReason })) },
    });
    return after;
  });
}

/**
 * 归档: a held sheet whose every decision is a supervised task is closed, and from then on nothing on
 * it changes (409). A draft is refused (the meeting first); so is a decision not yet made a task.
 */
export async function closeSheet(ctx: Ctx, id: string, input: DispatchCloseBody): Promise<SheetRow> {
  const body = CloseSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await sheetToChange(tx, id, body.version, 'held');
    const untracked = (await dispatchRepo.decisionsOf(tx.db, id)).filter((d) => d.taskId === null).length;
    if (untracked) throw new DomainError('dispatch_decisions_untracked', 409, { count: untracked });
    const after = await touchSheet(tx, before, { status: 'closed', closedAt: iso(tx.clock.now()) });
    await recordAudit(tx, { action: 'dispatch_sheet.close', entityType: 'dispatch_sheet', entityId: id, before, after });
    return after;
  });
}
