import { DESK_SECTION_KEYS, type Desk, type DeskQuery } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { ENQUIRY_DESK_SECTIONS } from '../enquiries/index.ts';
import { INSTRUCTION_DESK_SECTIONS } from '../instructions/index.ts';
import { RATING_DESK_SECTIONS } from '../ratings/index.ts';
import { RECTIFICATION_DESK_SECTIONS } from '../rectification/index.ts';
import { onTimeRates, shanghaiToday, taskAttention, TASK_DESK_SECTIONS, type DeskSectionProvider } from '../tasks/index.ts';

/** Every section provider the desk knows: each module's registry, shown in DESK_SECTION_KEYS order, newer keys last. */
const providers = (): DeskSectionProvider[] => [
  ...TASK_DESK_SECTIONS,
  ...INSTRUCTION_DESK_SECTIONS,
  ...ENQUIRY_DESK_SECTIONS, // 首问负责
  ...RECTIFICATION_DESK_SECTIONS, // 整改
  ...RATING_DESK_SECTIONS, // 好差评
];

const rank = (key: string) => {
  const i = (DESK_SECTION_KEYS as readonly string[]).indexOf(key);
  return i < 0 ? DESK_SECTION_KEYS.length : i;
};

/**
 * 待办中心: what waits for the signed-in person — the sections that apply to them (by permission),
 * the red and yellow tasks in their scope, and their departments' on-time rate this month against
 * last — each figure with the list that shows it. Every part reads counters or kept answers.
 */
export async function deskOf(ctx: Ctx, q: DeskQuery): Promise<Desk> {
  const actor = ctx.actor!;
  const req = { planId: q.planId, today: shanghaiToday(ctx) };
  const mine = providers()
    .filter((p) => p.applies(actor))
    .sort((a, b) => rank(a.key) - rank(b.key));
  const [built, attention, onTime] = await Promise.all([
    Promise.all(mine.map((p) => p.build(ctx, req))),
    taskAttention(ctx, req),
    onTimeRates(ctx, req),
  ]);
  const sections = built.filter((s) => s !== null);
  return { today: req.today, scope: actor.scope.all ? 'all' : 'departments', sections, attention, onTime };
}
