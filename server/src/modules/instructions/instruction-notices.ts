import type { TxCtx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { departmentStandIns, reachablePeople } from '../notifications/index.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { taskLabels } from '../tasks/index.ts';
import type { InstructionRow } from './instructions.repo.ts';
import { instructionPolicy } from './instructions.policy.ts';

/**
 * Who hears of an instruction (批示) and of its answer (落实反馈), in zh-CN and en-US, inside the
 * caller's transaction. An instruction on a task is told through the task's own notice (tasks'
 * `instructOnTask`); these are the unit's and the leader's.
 */

const departmentName = async (tx: TxCtx, id: string) => (await cachedDepartmentsBasics(tx.db, [id])).get(id)?.name ?? '';
const taskName = async (tx: TxCtx, id: string) => {
  const t = (await taskLabels(tx.db, [id])).get(id);
  return t ? `${t.code} ${t.title}` : '';
};

/** To a unit: its head, else everyone at work there who may give the feedback (tasks.handle over it). */
export async function tellUnitOfInstruction(tx: TxCtx, row: InstructionRow) {
  const unit = await departmentName(tx, row.departmentId);
  const standIns = await departmentStandIns(tx.db, row.departmentId, (a) => instructionPolicy.allowed(a, 'feedback', row));
  const self = tx.actor?.personId ?? null;
  const due = row.feedbackDueDate;
  await notify(tx, {
    kind: 'instruction.give',
    recipientPersonIds: standIns.filter((id) => id !== self),
    title: `领导批示：${unit}`,
    body: `${row.leaderName}：${row.text}${due ? `\n请于 ${due} 前报送落实反馈。` : ''}`,
    en: {
      title: `Leader's instruction: ${unit}`,
      body: `${row.leaderName}: ${row.text}${due ? `\nPlease report how it was carried out by ${due}.` : ''}`,
    },
    link: '/instructions?to=mine',
    entityType: 'instruction',
    entityId: row.id,
    dedupeKey: `instruction.give:${row.id}`,
    undeliverable: `单位“${unit}”没有可以办理批示的在岗账号 / the unit has no account at work that may act on the instruction`,
  });
}

/** To the leader who gave it, when their account may still read it (away or not: they read it on return). */
export async function tellLeaderOfFeedback(tx: TxCtx, row: InstructionRow) {
  const leader = await reachablePeople(tx.db, [row.leaderPersonId], (a) => instructionPolicy.allowed(a, 'read', row), { atWork: false });
  const about = row.taskId ? await taskName(tx, row.taskId) : await departmentName(tx, row.departmentId);
  const evidence = row.feedbackEvidenceRef;
  await notify(tx, {
    kind: 'instruction.feedback',
    recipientPersonIds: leader.filter((id) => id !== tx.actor?.personId),
    title: `【落实反馈】${about}`,
    body: `${row.feedbackByName}：${row.feedbackText}${evidence ? `\n佐证：${evidence}` : ''}\n（批示：${row.text}）`,
    en: {
      title: `[Feedback] ${about}`,
      body: `${row.feedbackByName}: ${row.feedbackText}${evidence ? `\nEvidence: ${evidence}` : ''}\n(Instruction: ${row.text})`,
    },
    link: row.taskId ? `/tasks/${row.taskId}` : '/instructions?to=given',
    entityType: 'instruction',
    entityId: row.id,
    dedupeKey: `instruction.feedback:${row.id}`,
    undeliverable: `批示人${row.leaderName}没有可以查看此批示的账号 / the leader who gave it has no account that may read it`,
  });
}
