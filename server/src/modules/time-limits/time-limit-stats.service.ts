import type { TimeLimitStats, TimeLimitStatsQuery } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { notFound } from '../../platform/errors.ts';
import { cachedDepartmentsBasics, departmentSubtreeIds, peopleBasics } from '../org/index.ts';
import { timersRepo } from './time-limits.repo.ts';
import { timeLimitStatsPolicy, timerVisibilityOf } from './time-limits.policy.ts';
import { addCounts, NO_COUNTS, withRate } from './timer.rules.ts';

type Counts = typeof NO_COUNTS;
const sizeOf = (c: Counts) => c.doneOnTime + c.doneLate + c.openWithinLimit + c.openOverdue;

function tally<K>(into: Map<K, Counts>, key: K, c: Counts) {
  into.set(key, addCounts(into.get(key) ?? NO_COUNTS, c));
}

/**
 * 按期办结统计: of the items due in the range (of one kind, or all), how many were done on time, done
 * late, are open within their limit and open past it — per department and per owner, with the
 * on-time rate. Counted over what the caller's data scope covers (a department head: the
 * department and those below it; the office and leaders: all), and always the caller's own items.
 * A department filter takes its sub-departments too; one out of scope is not found.
 */
export async function onTimeStats(ctx: Ctx, q: TimeLimitStatsQuery): Promise<TimeLimitStats> {
  const actor = ctx.actor!;
  let departmentIds: string[] | undefined;
  if (q.departmentId) {
    timeLimitStatsPolicy.assert(actor, 'stats', { departmentId: q.departmentId });
    departmentIds = await departmentSubtreeIds(ctx.db, [q.departmentId]);
    if (departmentIds.length === 0) throw notFound();
  }
  const today = shanghaiDate(ctx.clock.now());
  const rows = await timersRepo.figures(ctx.db, timerVisibilityOf(actor), { kind: q.kind, departmentIds, from: q.from, to: q.to, today });

  const byDepartment = new Map<string, Counts>();
  const byPerson = new Map<string, Counts>();
  let total = NO_COUNTS;
  for (const r of rows) {
    tally(byDepartment, r.departmentId, r);
    if (r.ownerPersonId) tally(byPerson, r.ownerPersonId, r);
    total = addCounts(total, r);
  }
  const people = await peopleBasics(ctx.db, [...byPerson.keys()]);
  const departments = await cachedDepartmentsBasics(ctx.db, [...byDepartment.keys(), ...[...people.values()].map((p) => p.departmentId)]);
  const nameOf = (id: string | null) => (id ? (departments.get(id)?.name ?? null) : null);

  return {
    today,
    total: withRate(total),
    departments: [...byDepartment]
      .map(([departmentId, c]) => ({ departmentId, departmentName: nameOf(departmentId) ?? '', ...withRate(c), size: sizeOf(c) }))
      .sort((a, b) => b.size - a.size || a.departmentName.localeCompare(b.departmentName, 'zh-CN'))
      .map(({ size: _size, ...d }) => d),
    people: [...byPerson]
      .map(([personId, c]) => {
        const person = people.get(personId);
        const departmentId = person?.departmentId ?? null;
        return { personId, personName: person?.name ?? '', departmentId, departmentName: nameOf(departmentId), ...withRate(c) };
      })
      .sort(
        (a, b) =>
          (a.departmentName ?? '').localeCompare(b.departmentName ?? '', 'zh-CN') || a.personName.localeCompare(b.personName, 'zh-CN'),
      ),
  };
}
