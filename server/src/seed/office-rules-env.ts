import type { Config } from '../platform/config.ts';
import { fixedClock } from '../platform/clock.ts';
import { systemActor, type TxCtx } from '../platform/context.ts';
import { nextDate, shanghaiDate, type WorkingCalendar } from '../platform/calendar/working-days.ts';
import { departmentHeadPersonId, livePostsOf, membersOf, type PersonBasics } from '../modules/org/index.ts';
import { currentWhereabouts } from '../modules/whereabouts/index.ts';

/**
 * What the office-rules demo (office-rules-demo.ts) stands on: the demo organisation as the org
 * front door reads it, "today" and the working days around it by the seed's clock, and the acts of
 * one person (the system actor in their name, at a moment of the story).
 */

/** The key that seals enquirers' names and contacts, as the server reads it. */
export type SealKeys = Pick<Config, 'secretKey' | 'dataDir'>;

/** One act of the story at its moment; the acts run in time order, so each finds what came before. */
export type Act = { at: Date; run: (tx: TxCtx) => Promise<void> };

export type Holders = { id: string; a: PersonBasics; b: PersonBasics };

export type OfficeRulesEnv = {
  now: Date;
  keys: SealKeys;
  /** the nth working day before today, at a Shanghai wall-clock time (always in the past) */
  workAt(n: number, hhmm: string): Date;
  /** the nth working day after today, at a Shanghai wall-clock time (always in the future) */
  aheadAt(n: number, hhmm: string): Date;
  /** today at that time, or a minute ago when that is still to come */
  todayBy(hhmm: string): Date;
  /** today at that time, or — when that is too soon — `minutes` from now, on the next half hour */
  laterToday(hhmm: string, minutes: number): Date;
  departmentId(name: string): string;
  /** the people of a department who have not left */
  members(department: string): PersonBasics[];
  head(department: string): PersonBasics;
  /** a live post of the department with both holders */
  post(department: string, name: string): Holders;
  /** anyone of the demo departments, by id */
  person(id: string): PersonBasics | undefined;
  /** active and in the office when the story starts: free to be sent somewhere by it */
  free(p: PersonBasics): boolean;
};

const HALF_HOUR = 30 * 60_000;
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

export async function officeRulesEnv(
  tx: TxCtx,
  opts: { departments: { id: string; name: string }[]; calendar: WorkingCalendar; keys: SealKeys },
): Promise<OfficeRulesEnv> {
  const now = tx.clock.now();
  const today = shanghaiDate(now);
  const { calendar } = opts;
  const workingDay = (n: number) => {
    let date = today;
    for (let left = n; left > 0;) {
      date = nextDate(date, -1);
      if (calendar.isWorkingDay(date)) left--;
    }
    return date;
  };
  const ids = new Map(opts.departments.map((d) => [d.name, d.id]));
  const departmentId = (name: string) => {
    const id = ids.get(name);
    if (!id) throw new Error(`demo department missing: ${name}`);
    return id;
  };
  const members = new Map<string, PersonBasics[]>();
  for (const d of opts.departments) members.set(d.id, await membersOf(tx.db, d.id));
  const everyone = [...members.values()].flat();
  const byId = new Map(everyone.map((p) => [p.id, p]));
  const states = await currentWhereabouts(
    tx.db,
    everyone.map((p) => p.id),
  );
  const heads = new Map<string, string | null>();
  for (const d of opts.departments) heads.set(d.id, await departmentHeadPersonId(tx.db, d.id));
  const posts = await livePostsOf(tx.db, [...ids.values()]);
  return {
    now,
    keys: opts.keys,
    workAt: (n, hhmm) => at(workingDay(n), hhmm),
    aheadAt: (n, hhmm) => at(calendar.addWorkingDays(today, n), hhmm),
    todayBy: (hhmm) => new Date(Math.min(at(today, hhmm).getTime(), now.getTime() - 60_000)),
    laterToday: (hhmm, minutes) => {
      const soonest = Math.ceil((now.getTime() + minutes * 60_000) / HALF_HOUR) * HALF_HOUR;
      return new Date(Math.max(at(today, hhmm).getTime(), soonest));
    },
    departmentId,
    members: (department) => members.get(departmentId(department)) ?? [],
    head: (department) => {
      const found = byId.get(heads.get(departmentId(department)) ?? '');
      if (!found) throw new Error(`demo department without a head: ${department}`);
      return found;
    },
    post: (department, name) => {
      const p = posts.find((x) => x.departmentId === departmentId(department) && x.name === name);
      const a = p?.aPersonId ? byId.get(p.aPersonId) : undefined;
      const b = p?.bPersonId ? byId.get(p.bPersonId) : undefined;
      if (!p || !a || !b) throw new Error(`demo post missing: ${department} ${name}`);
      return { id: p.id, a, b };
    },
    person: (id) => byId.get(id),
    free: (p) => p.status === 'active' && states.get(p.id)?.state === 'in_office',
  };
}

/** The same transaction, at `when`, with the system actor acting in this person's name (as the campaign seed does). */
export const as = (tx: TxCtx, p: PersonBasics, when: Date): TxCtx => ({
  ...tx,
  clock: fixedClock(when),
  actor: { ...systemActor, name: p.name, personId: p.id, departmentId: p.departmentId },
});

/** The same transaction at `when`, as the system. */
export const asSystem = (tx: TxCtx, when: Date): TxCtx => ({ ...tx, clock: fixedClock(when), actor: systemActor });
