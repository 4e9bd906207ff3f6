import type { NoticeKind, TaskAction } from '@qinlian/contracts';
import type { Actor, TxCtx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { peopleHoldingEverywhere, personOfAccount } from '../identity/index.ts';
import { departmentStandIns, reachablePeople } from '../notifications/index.ts';
import { cachedDepartmentsBasics, departmentHeadPersonId, postsWithHolders } from '../org/index.ts';
import { taskEventsRepo } from './task-events.repo.ts';
import { LEVEL_LABEL, type EscalationLevelName } from './task-event-texts.ts';
import { taskPolicy, type TaskAccess } from './tasks.policy.ts';
import type { TaskRow } from './tasks.repo.ts';

/**
 * Who hears about what happens to a task (通知), and what they read, in zh-CN (the inbox's
 * default and the text of e-mails and group robots) and en-US. Sent through the one notification
 * service inside the caller's transaction: the notice exists exactly when the step commits.
 */

type Text = { title: string; body: string };
/**
 * handler: the person acting on the responsible post (AB岗) when they can act on it, else the lead
 * department's stand-ins (its head, else its accounts that may handle it); office: the campaign office
 */
export type Audience = 'handler' | 'handler_and_head' | 'office';
export type Notice = { kind: NoticeKind; audience: Audience; zh: Text; en: Text };

const line = (label: string, text: string | undefined) => (text ? `\n${label}${text}` : '');

/** The notice of a life-cycle step, or null for steps nobody needs telling about (签收, 报送进展 show on the task). */
export function transitionNotice(
  action: TaskAction,
  task: Pick<TaskRow, 'code' | 'title' | 'dueDate'>,
  actorName: string,
  comment?: string,
): Notice | null {
  const name = `${task.code} ${task.title}`;
  const c = comment ?? '';
  switch (action) {
    case 'assign':
      return {
        kind: 'task.assign',
        audience: 'handler',
        zh: {
          title: `【交办】${name}`,
          body: `${actorName}交办了任务“${task.title}”，完成时限 ${task.dueDate}，请及时签收。${line('交办说明：', comment)}`,
        },
        en: {
          title: `[Assigned] ${name}`,
          body: `${actorName} assigned the task "${task.title}", due ${task.dueDate}. Please accept it.${line('Note: ', comment)}`,
        },
      };
    case 'refuse':
      return {
        kind: 'task.refuse',
        audience: 'office',
        zh: { title: `【拒收】${name}`, body: `${actorName}拒收了任务“${task.title}”，理由：${c}。请调整后重新交办。` },
        en: {
          title: `[Refused] ${name}`,
          body: `${actorName} refused the task "${task.title}": ${c}. Please adjust it and assign it again.`,
        },
      };
    case 'request_close':
      return {
        kind: 'task.request_close',
        audience: 'office',
        zh: {
          title: `【申请销号】${name}`,
          body: `${actorName}申请对任务“${task.title}”销号，请审核佐证材料后销号或退回。${line('完成情况：', comment)}`,
        },
        en: {
          title: `[Close-out requested] ${name}`,
          body: `${actorName} asks to close the task "${task.title}". Please review the evidence, then close it or return it.${line('Summary: ', comment)}`,
        },
      };
    case 'return':
      return {
        kind: 'task.return',
        audience: 'handler',
        zh: { title: `【退回重办】${name}`, body: `任务“${task.title}”的销号申请被退回，理由：${c}。请补充完善后重新申请销号。` },
        en: {
          title: `[Returned] ${name}`,
          body: `The close-out request for "${task.title}" was returned: ${c}. Please complete the work and request close-out again.`,
        },
      };
    case 'close':
      return {
        kind: 'task.close',
        audience: 'handler',
        zh: { title: `【已销号】${name}`, body: `任务“${task.title}”经审核已销号。${line('销号意见：', comment)}` },
        en: { title: `[Closed] ${name}`, body: `The task "${task.title}" has been reviewed and closed.${line('Comment: ', comment)}` },
      };
    case 'reopen':
      return {
        kind: 'task.reopen',
        audience: 'handler',
        zh: { title: `【重新打开】${name}`, body: `任务“${task.title}”已重新打开，原因：${c}。请继续推进并报送进展。` },
        en: { title: `[Reopened] ${name}`, body: `The task "${task.title}" was reopened: ${c}. Please carry on and report progress.` },
      };
    default:
      return null;
  }
}

/** 催办: the office's message, to the handler. */
export const urgeNotice = (task: Pick<TaskRow, 'code' | 'title'>, message: string): Notice => ({
  kind: 'task.urge',
  audience: 'handler',
  zh: { title: `催办：${task.code} ${task.title}`, body: message },
  en: { title: `Urged: ${task.code} ${task.title}`, body: message },
});

/** 批示: a leader's instruction, to the handler and the head of the lead department; with the date its 落实反馈 is due, if asked. */
export const instructionNotice = (
  task: Pick<TaskRow, 'code' | 'title'>,
  leaderName: string,
  text: string,
  feedbackDueDate: string | null = null,
): Notice => ({
  kind: 'task.instruct',
  audience: 'handler_and_head',
  zh: {
    title: `领导批示：${task.code} ${task.title}`,
    body: `${leaderName}：${text}${feedbackDueDate ? `\n请于 ${feedbackDueDate} 前报送落实反馈。` : ''}`,
  },
  en: {
    title: `Leader's instruction: ${task.code} ${task.title}`,
    body: `${leaderName}: ${text}${feedbackDueDate ? `\nPlease report how it was carried out by ${feedbackDueDate}.` : ''}`,
  },
});

/** Whom a notice about this task may reach: at work, with an enabled account that may open it (read) or act on it (handle, office). */
const mayOn = (access: TaskAccess, action: 'read' | 'handle' | 'office') => (actor: Actor) => taskPolicy.allowed(actor, action, access);

/** `actingFor`: recipients who stand in for the post's absent A holder (代A岗), with A's name: their copy says so. */
export type NoticeRecipients = { personIds: string[]; undeliverable: string; actingFor?: Record<string, string> };

/** 代A岗: the handler reached is the responsible post's B, acting because A is away (not a person it was dispatched to). */
async function standingInFor(tx: TxCtx, row: TaskRow, personId: string): Promise<Record<string, string> | undefined> {
  if (row.handlerPersonId || !row.responsiblePostId) return undefined;
  const post = (await postsWithHolders(tx.db, [row.responsiblePostId])).get(row.responsiblePostId);
  return post?.actingForName && post.actingPersonId === personId ? { [personId]: post.actingForName } : undefined;
}

/**
 * The handling side (AB岗): the person acting on the responsible post when they can act on the task;
 * otherwise — no holder, no account, away, or no right to handle it — the lead department's head,
 * else everyone at work there whose account may handle it (notifications' `departmentStandIns`).
 */
async function handlingSide(tx: TxCtx, row: TaskRow, access: TaskAccess): Promise<NoticeRecipients> {
  const may = mayOn(access, 'handle');
  const acting = await reachablePeople(tx.db, [access.handlerPersonId], may);
  if (acting.length) return { personIds: acting, undeliverable: '', actingFor: await standingInFor(tx, row, acting[0]!) };
  const standIns = await departmentStandIns(tx.db, access.leadDepartmentId, may);
  if (standIns.length) return { personIds: standIns, undeliverable: '' };
  const [post, dept] = await Promise.all([
    row.responsiblePostId ? postsWithHolders(tx.db, [row.responsiblePostId]).then((m) => m.get(row.responsiblePostId!)) : undefined,
    cachedDepartmentsBasics(tx.db, [access.leadDepartmentId]).then((m) => m.get(access.leadDepartmentId)),
  ]);
  const who = post ? `岗位“${post.name}”的履职人${post.actingPersonName ?? '（空缺）'}` : '未指定责任岗位，';
  return {
    personIds: [],
    undeliverable:
      `${who}无法接收（没有账号、不在岗或无办理权限），牵头部门“${dept?.name ?? access.leadDepartmentId}”也没有可办理的在岗账号` +
      ` / nobody can act: the post's holder cannot receive it and the lead department has no account that may handle the task`,
  };
}

/**
 * The campaign office for this task: whoever assigned it last (交办人) when their account is bound
 * to a person who can still act as the office on it; otherwise everyone holding the office
 * permission over all departments, so that a refusal or a close-out request made after an
 * administrator assigned it still reaches someone.
 */
async function officeSide(tx: TxCtx, row: TaskRow, access: TaskAccess): Promise<NoticeRecipients> {
  const may = mayOn(access, 'office');
  const assigned = await taskEventsRepo.lastOfKinds(tx.db, row.id, ['assign']);
  const assigner = assigned?.actorUserId ? await personOfAccount(tx.db, assigned.actorUserId) : null;
  const first = await reachablePeople(tx.db, [assigner], may);
  const personIds = first.length ? first : await reachablePeople(tx.db, await peopleHoldingEverywhere(tx.db, 'plan.manage'), may);
  return { personIds, undeliverable: '没有可以作为办公室处理此任务的在岗账号 / no account at work may act as the office on this task' };
}

/** Who hears of a notice for this audience; `undeliverable` says why when nobody can. */
export async function noticeRecipients(tx: TxCtx, row: TaskRow, access: TaskAccess, audience: Audience): Promise<NoticeRecipients> {
  if (audience === 'office') return officeSide(tx, row, access);
  const handling = await handlingSide(tx, row, access);
  if (audience === 'handler') return handling;
  // 批示: the head of the lead department reads it too, when the head may open the task
  const head = await departmentHeadPersonId(tx.db, access.leadDepartmentId);
  const heads = await reachablePeople(tx.db, [head], mayOn(access, 'read'));
  return { ...handling, personIds: [...new Set([...handling.personIds, ...heads])] };
}

/** The same for people named by a rule of their own (escalation to the head or the leader): only those who may open the task. */
export async function ableToOpen(tx: TxCtx, access: TaskAccess, personIds: (string | null)[]): Promise<string[]> {
  return reachablePeople(tx.db, personIds, mayOn(access, 'read'));
}

/**
 * 升级督办: the person the ladder names, when they may open the task. A department head who cannot
 * receive it (no account, away, no right to the task) is stood in for as every notice to the
 * department is: its people at work whose accounts may handle the task (`departmentStandIns`) —
 * except the handler, whom the urging has already reached. The leader in charge has no stand-in.
 */
export async function escalationRecipients(
  tx: TxCtx,
  access: TaskAccess,
  target: { level: EscalationLevelName; personId: string },
): Promise<NoticeRecipients> {
  const named = await ableToOpen(tx, access, [target.personId]);
  if (named.length) return { personIds: named, undeliverable: '' };
  if (target.level === 'department_head') {
    const standIns = await departmentStandIns(tx.db, access.leadDepartmentId, mayOn(access, 'handle'));
    const others = standIns.filter((id) => id !== access.handlerPersonId);
    if (others.length) return { personIds: others, undeliverable: '' };
  }
  const [zh, en] = LEVEL_LABEL[target.level];
  const nobodyElse = target.level === 'department_head' ? '，部门中也没有其他可办理的在岗账号' : '';
  return {
    personIds: [],
    undeliverable: `${zh}无法接收（没有账号、不在岗或无权查看任务）${nobodyElse} / the ${en} cannot open the task${nobodyElse ? ' and nobody else at work in the department may handle it' : ''}`,
  };
}

/**
 * Tell the audience of `notice` about this task, in the caller's transaction. The one who acted is
 * not told about their own step. `dedupeKey` names the occasion: asked twice, delivered once.
 */
export async function tellAboutTask(tx: TxCtx, row: TaskRow, access: TaskAccess, notice: Notice, dedupeKey: string) {
  const self = tx.actor?.personId ?? null;
  const { personIds, undeliverable, actingFor } = await noticeRecipients(tx, row, access, notice.audience);
  const recipients = personIds.filter((id) => id !== self);
  if (personIds.length > 0 && recipients.length === 0) return; // the only one to tell took the step
  await notify(tx, {
    undeliverable,
    kind: notice.kind,
    recipientPersonIds: recipients,
    ...notice.zh,
    en: notice.en,
    link: `/tasks/${row.id}`,
    entityType: 'task',
    entityId: row.id,
    dedupeKey,
    actingFor,
  });
}
