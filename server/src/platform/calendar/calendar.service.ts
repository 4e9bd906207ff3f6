import type { CalendarOverride } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { iso } from '../clock.ts';
import type { Executor } from '../db/database.ts';
import { epochCache } from '../db/epoch-cache.ts';
import { writeEpoch } from '../db/write-epoch.ts';
import { officialDataCoveredThrough, shanghaiDate, workingCalendar, type WorkingCalendar } from './working-days.ts';

/** Moves on once a change to the overrides commits here: a calendar read before it is neither kept nor joined. */
const overridesEpoch = writeEpoch('calendar-overrides');
const cached = epochCache<'calendar', WorkingCalendar>(overridesEpoch, 30_000);
/** Moves on once a change to the overrides commits here (what was counted with the old calendar is stale). */
export const calendarVersion = overridesEpoch.current;

async function read(db: Executor): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('calendarOverrides').select(['date', 'working']).execute();
  return workingCalendar(new Map(rows.map((r) => [r.date, !!r.working])));
}

/**
 * The one calendar every module counts deadlines with. Overrides are cached briefly per database
 * handle and read once by the requests that miss together; a change here drops the cache at once
 * (other app instances see it within 30 s).
 */
export const calendarFor = (db: Executor): Promise<WorkingCalendar> => cached(db, 'calendar', () => read(db));

export async function listOverrides(db: Executor): Promise<CalendarOverride[]> {
  const rows = await db.selectFrom('calendarOverrides').selectAll().orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, working: !!r.working, note: r.note }));
}

/** Add or replace a local day off / extra working day. */
export async function setOverride(ctx: Ctx, input: CalendarOverride) {
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db.selectFrom('calendarOverrides').selectAll().where('date', '=', input.date).executeTakeFirst();
    const row = { date: input.date, working: input.working ? 1 : 0, note: input.note, createdAt: iso(tx.clock.now()) };
    if (before) await tx.db.updateTable('calendarOverrides').set(row).where('date', '=', input.date).execute();
    else await tx.db.insertInto('calendarOverrides').values(row).execute();
    await recordAudit(tx, {
      action: 'calendar.set_override',
      entityType: 'calendar_override',
      entityId: input.date,
      before: before ?? null,
      after: row,
    });
    overridesEpoch.changed(tx.db);
  });
}

export async function removeOverride(ctx: Ctx, date: string) {
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db.selectFrom('calendarOverrides').selectAll().where('date', '=', date).executeTakeFirst();
    if (!before) return;
    await tx.db.deleteFrom('calendarOverrides').where('date', '=', date).execute();
    await recordAudit(tx, { action: 'calendar.remove_override', entityType: 'calendar_override', entityId: date, before });
    overridesEpoch.changed(tx.db);
  });
}

/** Warn when next year's official schedule is not in the data yet (it is published each November or so). */
export function calendarStatus(now: Date) {
  const coveredThrough = officialDataCoveredThrough();
  const nextYear = Number(shanghaiDate(now).slice(0, 4)) + 1;
  const warning =
    nextYear > coveredThrough
      ? `${nextYear} 年法定节假日数据尚未收录，该年按周一至周五上班计算；请在公布后由管理员添加本地调整，或升级 chinese-days。/ The ${nextYear} holiday schedule is not in the data yet: weekdays are assumed until an administrator adds it.`
      : null;
  return { coveredThrough, warning };
}
