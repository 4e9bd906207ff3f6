import type { Actor, TxCtx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { departmentStandIns, reachablePeople } from '../notifications/index.ts';
import { monthlySummaryPolicy } from './summaries.policy.ts';
import type { MonthlySummaryRow } from './monthly-summaries.repo.ts';
import { monthLabel } from './summary-periods.ts';

const formLink = (s: MonthlySummaryRow) => `/summaries/monthly/form?month=${s.month}&departmentId=${s.departmentId}`;
const undeliverable = (department: string) =>
  `部门“${department}”没有可以报送月度小结的在岗账号 / the department has no account at work that may submit its monthly summary`;

/**
 * 月底通知: the department hears that its summary of the month is asked for, and by when — its head,
 * else everyone at work there who may submit it. Once a department and month: the key says so, so a
 * re-run of the month-end job tells nobody twice.
 */
export async function tellDepartmentOfRequest(tx: TxCtx, s: MonthlySummaryRow, department: string) {
  const may = (a: Actor) => monthlySummaryPolicy.allowed(a, 'submit', s);
  const label = monthLabel(s.month);
  await notify(tx, {
    kind: 'summary.request',
    recipientPersonIds: await departmentStandIns(tx.db, s.departmentId, may),
    title: `【月度小结】请报送${label}工作小结`,
    body: `请于 ${s.dueDate} 前报送${department}${label}工作小结。模板已预填本月任务办结、按期办结、逾期未办结情况，请补充工作亮点、存在问题和下月计划。`,
    en: {
      title: `[Monthly summary] Please submit the summary of ${s.month}`,
      body: `Please submit the ${s.month} summary of ${department} by ${s.dueDate}. The template holds the month's task figures; add the highlights, problems and next month's plan.`,
    },
    link: formLink(s),
    entityType: 'monthly_summary',
    entityId: s.id,
    dedupeKey: `summary.request:${s.month}:${s.departmentId}`,
    undeliverable: undeliverable(department),
  });
}

/**
 * 退回: whoever submitted the summary hears why, if they can still act on it, and the department's
 * head (else its members who may submit). The office member who returned it is not told.
 */
export async function tellDepartmentOfReturn(tx: TxCtx, s: MonthlySummaryRow, department: string) {
  const may = (a: Actor) => monthlySummaryPolicy.allowed(a, 'submit', s);
  const [submitter, standIns] = await Promise.all([
    reachablePeople(tx.db, [s.submittedByPersonId], may),
    departmentStandIns(tx.db, s.departmentId, may),
  ]);
  const label = monthLabel(s.month);
  await notify(tx, {
    kind: 'summary.return',
    recipientPersonIds: [...new Set([...submitter, ...standIns])].filter((id) => id !== tx.actor?.personId),
    title: `【月度小结退回】${department}${label}工作小结`,
    body: `办公室退回了${label}工作小结：${s.returnReason ?? ''}。请修改后于 ${s.dueDate} 前重新报送。`,
    en: {
      title: `[Summary returned] ${department}, ${s.month}`,
      body: `The office returned the ${s.month} summary: ${s.returnReason ?? ''}. Please revise and submit it again by ${s.dueDate}.`,
    },
    link: formLink(s),
    entityType: 'monthly_summary',
    entityId: s.id,
    dedupeKey: `summary.return:${s.id}:v${s.version}`,
    undeliverable: undeliverable(department),
  });
}
