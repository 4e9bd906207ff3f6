import type { DeskItem, DeskSection } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { authorizationEpoch } from '../../platform/auth/authorization-epoch.ts';
import { engineOf } from '../../platform/db/engine.ts';
import { generationCache } from '../../platform/db/generation-cache.ts';
import { shanghaiToday, type DeskRequest, type DeskSectionProvider } from '../tasks/index.ts';
import { instructionsEpoch, instructionsRepo, type InstructionRow } from './instructions.repo.ts';

/**
 * The desk's sections about 批示 (工作台待办): instructions my units owe feedback on, and — for a
 * leader — my own instructions still awaiting it. Counted by the instructions' index; an answer is
 * kept (SQLite, as the task answers are) until an instruction or authorization write commits or
 * the day changes.
 */
const answers = generationCache<DeskSection>(2_000);

async function kept(ctx: Ctx, key: string, build: () => Promise<DeskSection>): Promise<DeskSection> {
  if (engineOf(ctx.db) !== 'sqlite') return build();
  const g = answers(ctx.db, `${instructionsEpoch.current()}|${authorizationEpoch()}|${shanghaiToday(ctx)}`);
  const id = `${ctx.actor?.userId ?? '-'}|${key}`;
  const hit = g.entries.get(id);
  if (hit) return hit;
  const value = await g.load(id, g.key, build);
  g.keep(id, value);
  return value;
}

const item = (today: string, r: InstructionRow): DeskItem => ({
  kind: 'instruction',
  id: r.id,
  code: null,
  title: r.text.length > 60 ? `${r.text.slice(0, 60)}…` : r.text,
  dueDate: r.feedbackDueDate,
  overdue: r.feedbackDueDate !== null && r.feedbackDueDate < today,
  warning: null,
  link: r.taskId ? `/tasks/${r.taskId}` : `/instructions?to=mine&state=awaiting`,
});

function section(key: string, link: string, scopeOf: (ctx: Ctx) => { departmentIds: string[] | null } | { leaderUserId: string }) {
  return async (ctx: Ctx, req: DeskRequest): Promise<DeskSection> =>
    kept(ctx, key, async () => {
      const { count, overdue, items } = await instructionsRepo.awaiting(ctx.db, scopeOf(ctx), req.today, 5);
      return { key, count, overdue, items: items.map((r) => item(req.today, r)), link };
    });
}

export const INSTRUCTION_DESK_SECTIONS: DeskSectionProvider[] = [
  {
    // 待落实反馈: addressed to the units of my scope (where tasks.handle lets me answer)
    key: 'instructionFeedback',
    applies: (a) => a.permissions.has('tasks.read') && a.permissions.has('tasks.handle'),
    build: section('instructionFeedback', '/instructions?to=mine&state=awaiting', (ctx) => ({
      departmentIds: ctx.actor!.scope.all ? null : [...ctx.actor!.scope.departmentIds],
    })),
  },
  {
    // 我的批示: given by me, feedback not yet in
    key: 'instructionsGiven',
    applies: (a) => a.permissions.has('tasks.read') && a.permissions.has('tasks.instruct'),
    build: section('instructionsGiven', '/instructions?to=given&state=awaiting', (ctx) => ({ leaderUserId: ctx.actor!.userId })),
  },
];
