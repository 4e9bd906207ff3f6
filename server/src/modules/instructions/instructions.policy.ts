import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';

/** What the rules need to know of an instruction. */
export type InstructionAccess = { departmentId: string; leaderUserId: string | null; state: string };

/**
 * Who sees an instruction (批示): whoever's data scope covers the unit it is addressed to, and the
 * leader who gave it. Out of sight answers 404.
 */
export const seeInstruction = (actor: Actor, i: InstructionAccess) =>
  inDepartmentScope(actor, i.departmentId) || (i.leaderUserId !== null && actor.userId === i.leaderUserId);

/**
 * read: supervision readers (tasks.read) — the office, leaders, 纪检监察, the unit itself;
 * give: leaders (tasks.instruct), to a task or a unit they see;
 * feedback (落实反馈): the addressed unit's handlers (tasks.handle over it), while feedback is awaited.
 */
export const instructionPolicy = definePolicy<InstructionAccess, 'read' | 'give' | 'feedback'>(seeInstruction, {
  read: { permission: 'tasks.read' },
  give: { permission: 'tasks.instruct' },
  feedback: { permission: 'tasks.handle', when: (a, i) => inDepartmentScope(a, i.departmentId) },
});

/** Sent with every instruction: the feedback button shows while the unit may still answer. */
export const instructionAbilities = (actor: Actor, i: InstructionAccess) => ({
  feedback: i.state === 'awaiting' && instructionPolicy.allowed(actor, 'feedback', i),
});
