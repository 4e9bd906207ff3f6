import type { Instruction, InstructionState } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { shanghaiToday, taskLabels } from '../tasks/index.ts';
import type { InstructionRow } from './instructions.repo.ts';
import { instructionAbilities } from './instructions.policy.ts';

/** What leaves the server of instructions, field by field: names of the unit and task, overdue as of today, abilities. */
export async function presentInstructions(ctx: Ctx, rows: InstructionRow[]): Promise<Instruction[]> {
  if (rows.length === 0) return [];
  const [departments, tasks] = await Promise.all([
    cachedDepartmentsBasics(
      ctx.db,
      rows.map((r) => r.departmentId),
    ),
    taskLabels(
      ctx.db,
      rows.map((r) => r.taskId).filter((x): x is string => x !== null),
    ),
  ]);
  const today = shanghaiToday(ctx);
  return rows.map((r) => {
    const task = r.taskId ? tasks.get(r.taskId) : undefined;
    const answeredOn = r.feedbackAt ? new Date(Date.parse(r.feedbackAt) + 8 * 3_600_000).toISOString().slice(0, 10) : null;
    return {
      id: r.id,
      taskId: r.taskId,
      taskCode: task?.code ?? null,
      taskTitle: task?.title ?? null,
      departmentId: r.departmentId,
      departmentName: departments.get(r.departmentId)?.name ?? '',
      text: r.text,
      leaderName: r.leaderName,
      createdAt: r.createdAt,
      state: r.state as InstructionState,
      feedbackDueDate: r.feedbackDueDate,
      overdue: r.state === 'awaiting' && r.feedbackDueDate !== null && r.feedbackDueDate < today,
      feedback:
        r.state === 'answered' && r.feedbackAt
          ? {
              text: r.feedbackText ?? '',
              evidenceRef: r.feedbackEvidenceRef,
              byName: r.feedbackByName ?? '',
              at: r.feedbackAt,
              // answered after the day it was due (Asia/Shanghai)
              late: r.feedbackDueDate !== null && answeredOn !== null && answeredOn > r.feedbackDueDate,
            }
          : null,
      version: r.version,
      abilities: instructionAbilities(ctx.actor!, r),
    };
  });
}
