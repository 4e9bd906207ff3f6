import type { CalendarOverride } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { iso } from '../clock.ts';
import type { Db, Executor } from '../db/database.ts';
import { singleFlight } from '../db/single-flight.ts';
import { officialDataCoveredThrough, shanghaiDate, workingCalendar, type WorkingCalendar } from './working-days.ts';

const CACHE_MS = 30_000;
type Cached = { at: number; generation: number; calendar: WorkingCalendar };
const cache = new WeakMap<object, Cached>();
const load = singleFlight<object, Cached>();
/** Moves on when overrides are written here: a calendar read before that is neither kept nor joined. */
let generation = 0;

async function read(db: Executor, at: number): Promise<Cached> {
  const rows = await db.selectFrom('calendarOverrides').select(['date', 'working']).execute();
  return { at: Date.now(), generation: at, calendar: workingCalendar(new Map(rows.map((r) => [r.date, !!r.working]))) };
}

/**
 * The one calendar every module counts deadlines with. Overrides are cached briefly per database
 * handle and read once by the requests that miss together; a change here drops the cache at once
 * (other app instances see it within 30 s).
 */
export async function calendarFor(db: Executor): Promise<WorkingCalendar> {
  const hit = cache.get(db);
  if (hit && hit.generation === generation && Date.now() - hit.at < CACHE_MS) return hit.calendar;
  const at = generation;
  const entry = await load(db, at, () => read(db, at));
  cache.set(db, entry);
  return entry.calendar;
}

const overridesChanged = (rootDb: Db) => { cache.delete(rootDb); generation++; };

export async function listOverrides(db: Executor): Promise<CalendarOverride[]> {
  const rows = await db.selectFrom('calendarOverrides').selectAll().orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, working: !!r.working, note: r.note }));
}

/** Add or replace a local day off / extra working day. */
export async function setOverride(ctx: Ctx, rootDb: Db, input: CalendarOverride) {
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db.selectFrom('calendarOverrides').selectAll().where('date', '=', input.date).executeTakeFirst();
    const row = { date: input.date, working: input.working ? 1 : 0, note: input.note, createdAt: iso(tx.clock.now()) };
    if (before) await tx.db.updateTable('calendarOverrides').set(row).where('date', '=', input.date).execute();
    else await tx.db.insertInto('calendarOverrides').values(row).execute();
    await recordAudit(tx, { action: 'calendar.set_override', entityType: 'calendar_override', entityId: input.date, before: before ?? null, after: row });
  });
  overridesChanged(rootDb);
}

export async function removeOverride(ctx: Ctx, rootDb: Db, date: string) {
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db.selectFrom('calendarOverrides').selectAll().where('date', '=', date).executeTakeFirst();
    if (!before) return;
    await tx.db.deleteFrom('calendarOverrides').where('date', '=', date).execute();
    await recordAudit(tx, { action: 'calendar.remove_override', entityType: 'calendar_override', entityId: date, before });
  });
  overridesChanged(rootDb);
}

/** Warn when next year's official schedule is not in the data yet (it is published each November or so). */
export function calendarStatus(now: Date) {
  const coveredThrough = officialDataCoveredThrough();
  const nextYear = Number(shanghaiDate(now).slice(0, 4)) + 1;
  const warning = nextYear > coveredThrough
    ? `${nextYear} 年法定节假日数据尚未收录，该年按周一至周五上班计算；请在公布后由管理员添加本地调整，或升级 chinese-days。/ The ${nextYear} holiday schedule is not in the data yet: weekdays are assumed until an administrator adds it.`
    : null;
  return { coveredThrough, warning };
}
