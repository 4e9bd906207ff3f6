/**
 * 一线工作节奏演示 — the frontline cadence on top of the demo campaign (campaign.ts): this week's area
 * dispatch sheet (一周一调度) drafted as the weekly job drafts it on the week's first working day at
 * 08:00 — from the campaign's red and yellow tasks and the leaders' open instructions, grouped by the
 * leader in charge — so that the office opens the demo on a sheet to hold its meeting on.
 *
 * The quarterly bulletin (一季一通报) needs nothing seeded: a plan without settings of its own uses the
 * defaults (机关代字 赣新勤廉, the default indicator weights), and the campaign's history already has
 * tasks closed in, and overdue at the end of, the quarters behind today — the office drafts the
 * latest ended quarter from the console.
 *
 * Through the dispatch module's front door only, as the system actor. Idempotent: the drafting
 * skips a week that has its sheet (and does nothing on a day off), so bootstrap calls it on every
 * start with the demo asked for; only on the demo organisation.
 */
import type { Database } from '../platform/db/database.ts';
import { systemActor, type Ctx } from '../platform/context.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { departmentsWithFullNames } from '../modules/org/index.ts';
import { draftWeeklySheets } from '../modules/dispatch/index.ts';
import { DEMO_ROOT } from './demo-org.ts';

export type CadenceSeedResult = { seeded: boolean; sheets: number };

export async function seedCadence(database: Database, opts: { clock?: Clock } = {}): Promise<CadenceSeedResult> {
  const clock = opts.clock ?? systemClock;
  const ctx: Ctx = { actor: systemActor, db: database.db, ip: 'seed', lang: 'zh-CN', clock };
  const root = (await departmentsWithFullNames(database.db)).find((d) => d.row.parentId === null && !d.row.archivedAt);
  if (root?.row.name !== DEMO_ROOT.name) return { seeded: false, sheets: 0 };
  const { drafted } = await draftWeeklySheets(ctx);
  return { seeded: drafted > 0, sheets: drafted };
}
