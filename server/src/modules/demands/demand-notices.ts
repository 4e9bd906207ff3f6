import type { Actor, TxCtx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { departmentStandIns, reachablePeople } from '../notifications/index.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { timersOf } from '../time-limits/index.ts';
import { demandPolicy } from './demands.policy.ts';
import type { DemandRow } from './demands.repo.ts';

/**
 * 派单: the department hears of it at once — its head, else everyone at work there who may handle
 * it — with the deadline of its time limit. The office's clerk who dispatched it is not told.
 */
export async function tellDepartmentOfDispatch(tx: TxCtx, d: DemandRow) {
  const unitId = d.departmentId!;
  const unit = (await cachedDepartmentsBasics(tx.db, [unitId])).get(unitId)?.name ?? '';
  const due = (await timersOf(tx.db, 'public_demand', [d.id])).get(d.id)?.dueOn ?? '';
  const to = await departmentStandIns(tx.db, unitId, (a) => demandPolicy.allowed(a, 'handle', d));
  const code = formatTrackingCode(d.code);
  await notify(tx, {
    kind: 'demand.dispatch',
    recipientPersonIds: to.filter((id) => id !== tx.actor?.personId),
    title: `【群众诉求】${code} ${d.title}`,
    body: `已派${unit}办理，请签收并于 ${due} 前答复；派错了请退单并说明理由。`,
    en: {
      title: `[Public demand] ${code} ${d.title}`,
      body: `Dispatched to ${unit}: please take it on and reply by ${due}; if it is not yours, send it back with the reason.`,
    },
    link: `/demands/${d.id}`,
    entityType: 'demand',
    entityId: d.id,
    dedupeKey: `demand.dispatch:${d.id}:${d.version}`,
    undeliverable: `部门“${unit}”没有可以办理群众诉求的在岗账号 / the department has no account at work that may handle public demands`,
  });
}

/** What an urging says: how the item stands against its last day, and the office's words when it urged by hand. */
export type UrgingNotice = { dueOn: string; workingDaysLeft: number; note: string | null };

function standing({ dueOn, workingDaysLeft }: UrgingNotice) {
  if (workingDaysLeft < 0)
    return {
      zh: `办理期限 ${dueOn} 已过，超期 ${-workingDaysLeft} 个工作日`,
      en: `its time limit ended on ${dueOn}, ${-workingDaysLeft} working day(s) ago`,
    };
  if (workingDaysLeft === 0) return { zh: `今天（${dueOn}）到期`, en: `it is due today (${dueOn})` };
  return {
    zh: `将于 ${dueOn} 到期，还剩 ${workingDaysLeft} 个工作日`,
    en: `it is due on ${dueOn}, ${workingDaysLeft} working day(s) from now`,
  };
}

/** The line the item's history keeps for an urging (督办), zh-CN as the record is. */
export const urgingNote = (u: UrgingNotice, daily: boolean) =>
  `${daily ? '每日督办' : '办公室督办'}：${standing(u).zh}${u.note ? `。${u.note}` : ''}`;

/**
 * 督办: the department handling the item hears that it is near or past its last day — its head (else
 * everyone at work there who may handle it) and the member who took it on, if they can still act on
 * it. Once a day an item: the key is the day.
 */
export async function tellDepartmentOfUrging(tx: TxCtx, d: DemandRow, u: UrgingNotice, today: string, takenBy: string | null) {
  const unitId = d.departmentId!;
  const unit = (await cachedDepartmentsBasics(tx.db, [unitId])).get(unitId)?.name ?? '';
  const may = (a: Actor) => demandPolicy.allowed(a, 'handle', d);
  const [heads, taker] = await Promise.all([
    departmentStandIns(tx.db, unitId, may),
    takenBy ? reachablePeople(tx.db, [takenBy], may) : Promise.resolve([]),
  ]);
  const code = formatTrackingCode(d.code);
  const s = standing(u);
  await notify(tx, {
    kind: 'demand.overdue',
    recipientPersonIds: [...new Set([...taker, ...heads])].filter((id) => id !== tx.actor?.personId),
    title: `【督办】${code} ${d.title}`,
    body: `这件群众诉求${s.zh}，请抓紧办理并答复群众。${u.note ? `办公室意见：${u.note}` : ''}`,
    en: {
      title: `[Urged] ${code} ${d.title}`,
      body: `This public demand is pressing: ${s.en}. Please deal with it and reply.${u.note ? ` The office adds: ${u.note}` : ''}`,
    },
    link: `/demands/${d.id}`,
    entityType: 'demand',
    entityId: d.id,
    dedupeKey: `demand.overdue:${d.id}:${today}`,
    undeliverable: `部门“${unit}”没有可以办理群众诉求的在岗账号 / the department has no account at work that may handle public demands`,
  });
}
