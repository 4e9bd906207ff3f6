import type { TxCtx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import type { Notice } from './task-notices.service.ts';
import type { TaskRow } from './tasks.repo.ts';

/**
 * What the department's own steps tell, and to whom (通知), zh-CN and en-US. Sent through the same
 * notification service in the caller's transaction; the handling side and the office are reached
 * through task-notices.service.ts (tellAboutTask), the head of the lead department here.
 */
type Task = Pick<TaskRow, 'code' | 'title' | 'dueDate'>;
const nameOf = (t: Task) => `${t.code} ${t.title}`;
const line = (label: string, text: string | undefined) => (text ? `\n${label}${text}` : '');

/** 部门审核: a staff member's report or close-out request waits for the head. */
export function reviewNotice(task: Task, submitterName: string, what: 'report' | 'request_close', percent?: number): Notice {
  const zhWhat = what === 'report' ? `报送了进展（${percent}%）` : '申请销号';
  const enWhat = what === 'report' ? `reported progress (${percent}%)` : 'asked to close it';
  return {
    kind: 'task.review',
    audience: 'handler',
    zh: { title: `【待部门审核】${nameOf(task)}`, body: `${submitterName}就任务“${task.title}”${zhWhat}，请审核后报办公室或退回。` },
    en: {
      title: `[Department review] ${nameOf(task)}`,
      body: `${submitterName} ${enWhat} on "${task.title}". Please approve it for the office or send it back.`,
    },
  };
}

/** 部门退回: the head sent a submission back, to the handling side. */
export const sentBackNotice = (task: Task, headName: string, reason: string): Notice => ({
  kind: 'task.send_back',
  audience: 'handler',
  zh: { title: `【部门退回】${nameOf(task)}`, body: `${headName}退回了任务“${task.title}”的报送，理由：${reason}。请修改后重新报送。` },
  en: {
    title: `[Sent back] ${nameOf(task)}`,
    body: `${headName} sent back the submission on "${task.title}": ${reason}. Please revise and submit again.`,
  },
});

/** 分办: the task is now theirs, to the new handler. */
export const dispatchNotice = (task: Task, headName: string, note: string): Notice => ({
  kind: 'task.dispatch',
  audience: 'handler',
  zh: {
    title: `【分办】${nameOf(task)}`,
    body: `${headName}将任务“${task.title}”分办给您办理，完成时限 ${task.dueDate}。${line('分办说明：', note)}`,
  },
  en: {
    title: `[Dispatched] ${nameOf(task)}`,
    body: `${headName} dispatched the task "${task.title}" to you, due ${task.dueDate}.${line('Note: ', note)}`,
  },
});

/** 延期申请: to the office. */
export const extensionRequestNotice = (task: Task, byName: string, dueDate: string, reason: string): Notice => ({
  kind: 'task.extension_request',
  audience: 'office',
  zh: {
    title: `【延期申请】${nameOf(task)}`,
    body: `${byName}申请将任务“${task.title}”的完成时限由 ${task.dueDate} 延至 ${dueDate}，理由：${reason}。请审批。`,
  },
  en: {
    title: `[Extension requested] ${nameOf(task)}`,
    body: `${byName} asks to move the due date of "${task.title}" from ${task.dueDate} to ${dueDate}: ${reason}. Please decide.`,
  },
});

/** 延期审批: granted or refused, to the handling side. */
export const extensionDecisionNotice = (task: Task, granted: boolean, requested: string, comment: string): Notice =>
  granted
    ? {
        kind: 'task.extension_grant',
        audience: 'handler',
        zh: {
          title: `【同意延期】${nameOf(task)}`,
          body: `任务“${task.title}”的完成时限已延至 ${requested}。${line('审批意见：', comment)}`,
        },
        en: { title: `[Extension granted] ${nameOf(task)}`, body: `"${task.title}" is now due ${requested}.${line('Comment: ', comment)}` },
      }
    : {
        kind: 'task.extension_refuse',
        audience: 'handler',
        zh: {
          title: `【不同意延期】${nameOf(task)}`,
          body: `任务“${task.title}”延期至 ${requested} 的申请未获同意，理由：${comment}。完成时限仍为 ${task.dueDate}。`,
        },
        en: {
          title: `[Extension refused] ${nameOf(task)}`,
          body: `The extension of "${task.title}" to ${requested} was refused: ${comment}. It stays due ${task.dueDate}.`,
        },
      };

/** The head of the lead department hears of what waits for them; not when the head took the step. */
export async function tellHead(tx: TxCtx, row: TaskRow, headPersonId: string, notice: Notice, dedupeKey: string) {
  if (tx.actor?.personId === headPersonId) return;
  await notify(tx, {
    kind: notice.kind,
    recipientPersonIds: [headPersonId],
    ...notice.zh,
    en: notice.en,
    link: `/tasks/${row.id}`,
    entityType: 'task',
    entityId: row.id,
    dedupeKey,
  });
}
