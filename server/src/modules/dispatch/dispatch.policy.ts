import type { DispatchAbilities } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';

/** What the rules need to know of a sheet. */
export type SheetAccess = { departmentId: string; status: string };

/**
 * Who sees a dispatch sheet (调度单): whoever's data scope covers its organising department — the
 * office and leaders (scope all) every sheet, a department its own. Out of sight answers 404, so a
 * department's user never learns of, let alone edits, another department's sheet.
 *
 * read: dispatch.read; manage (draft, edit, record the meeting and its decisions, close): dispatch.manage.
 */
export const dispatchPolicy = definePolicy<SheetAccess, 'read' | 'manage'>((a, s) => inDepartmentScope(a, s.departmentId), {
  read: { permission: 'dispatch.read' },
  manage: { permission: 'dispatch.manage' },
});

/** Sent with every sheet: which buttons the console enables, by the sheet's state. */
export function dispatchAbilities(actor: Actor, s: SheetAccess): DispatchAbilities {
  const manage = dispatchPolicy.allowed(actor, 'manage', s);
  const open = manage && s.status !== 'closed';
  const held = manage && s.status === 'held';
  return {
    edit: open,
    recordMeeting: open,
    decide: held,
    // the task itself is created by the supervision module, which lets only the office (plan.manage) do it
    makeTask: held && actor.permissions.has('plan.manage'),
    close: held,
  };
}
