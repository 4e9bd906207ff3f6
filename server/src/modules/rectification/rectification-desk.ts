import type { DeskItem, DeskSection, Permission } from '@qinlian/contracts';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DeskRequest, DeskSectionProvider } from '../tasks/index.ts';
import { rectificationRepo, type RectificationFilter, type RectificationRow } from './rectification.repo.ts';
import { handlerOf, scopeOf } from './rectification.service.ts';

/**
 * The desk's sections about 整改 (工作台待办): items waiting for me to explain or fix (待整改), and —
 * for the office — items the departments answered, waiting to be verified (待核实). Each counts
 * exactly what its list shows (`/rectifications?…`), within my data scope, soonest deadline first;
 * the deadline is the item's own `due_on` (set from its time-limits timer when it was opened), so
 * one indexed count and one five-row read answer a section.
 */
const DESK_ITEMS = 5;

const holds = (a: Actor, ...permissions: Permission[]) => permissions.every((p) => a.permissions.has(p));

const item = (today: string, r: RectificationRow): DeskItem => ({
  kind: 'rectification',
  id: r.id,
  code: r.code,
  title: r.title,
  dueDate: r.dueOn,
  overdue: r.dueOn < today,
  warning: null,
  link: `/rectifications/${r.id}`,
});

function section(key: string, link: string, filterOf: (ctx: Ctx) => Promise<RectificationFilter>) {
  return async (ctx: Ctx, req: DeskRequest): Promise<DeskSection> => {
    const { count, overdue, items } = await rectificationRepo.soonest(ctx.db, await filterOf(ctx), req.today, DESK_ITEMS);
    return { key, count, overdue, items: items.map((r) => item(req.today, r)), link };
  };
}

export const RECTIFICATION_DESK_SECTIONS: DeskSectionProvider[] = [
  {
    // 待整改: open or returned, mine to submit (owned by me; my department's unowned ones, or all of them for its head)
    key: 'rectificationHandle',
    applies: (a) => holds(a, 'rectification.read', 'rectification.handle') && a.personId !== null,
    build: section('rectificationHandle', '/rectifications?desk=handle', async (ctx) => ({
      departmentIds: scopeOf(ctx.actor!),
      handler: await handlerOf(ctx.db, ctx.actor!),
    })),
  },
  {
    // 待核实: answered by the departments of my scope, waiting for the office to verify, return or revisit
    key: 'rectificationVerify',
    applies: (a) => holds(a, 'rectification.read', 'rectification.verify'),
    build: section('rectificationVerify', '/rectifications?status=submitted', async (ctx) => ({
      departmentIds: scopeOf(ctx.actor!),
      status: 'submitted',
    })),
  },
];
