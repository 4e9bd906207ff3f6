import type { TxCtx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { departmentStandIns } from '../notifications/index.ts';
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
