import type { RectificationSource } from '@qinlian/contracts';
import type { TxCtx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { departmentStandIns, reachablePeople, type MayReceive } from '../notifications/index.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import type { RectificationAccess } from './rectification.policy.ts';
import { rectificationPolicy } from './rectification.policy.ts';
import type { RectificationRow } from './rectification.repo.ts';
import { SOURCE_LABELS } from './rectification.rules.ts';

/**
 * Who hears of an item (整改), in zh-CN and en-US, inside the caller's transaction: its owner when
 * they can act on it (at work, an account that may submit it), else the department's stand-ins —
 * its head, else everyone at work there who may. The actor is never told of their own step.
 */

type Item = RectificationRow & RectificationAccess;

const unitName = async (tx: TxCtx, id: string) => (await cachedDepartmentsBasics(tx.db, [id])).get(id)?.name ?? '';

async function ownerOrStandIns(tx: TxCtx, r: Item, may: MayReceive) {
  const owner = await reachablePeople(tx.db, [r.ownerPersonId], may);
  const to = owner.length ? owner : await departmentStandIns(tx.db, r.departmentId, may);
  const self = tx.actor?.personId ?? null;
  return to.filter((id) => id !== self);
}

const link = (r: Item) => `/rectifications/${r.id}`;

/** A new item: to whom must fix it (the head by default), with the deadline. */
export async function tellOfNewItem(tx: TxCtx, r: Item) {
  const unit = await unitName(tx, r.departmentId);
  const source = SOURCE_LABELS[r.source as RectificationSource] ?? SOURCE_LABELS.other;
  await notify(tx, {
    kind: 'rectification.open',
    recipientPersonIds: await ownerOrStandIns(tx, r, (a) => rectificationPolicy.allowed(a, 'submit', r)),
    title: `【${source.zh}】${r.code} ${r.title}`,
    body: `${unit}：${r.detail}\n请于 ${r.dueOn} 前报送情况说明或整改结果。`,
    en: {
      title: `[${source.en}] ${r.code} ${r.title}`,
      body: `${unit}: ${r.detail}\nPlease submit an explanation or the fix by ${r.dueOn}.`,
    },
    link: link(r),
    entityType: 'rectification',
    entityId: r.id,
    dedupeKey: `rectification.open:${r.id}`,
    undeliverable: `部门“${unit}”没有可以办理整改的在岗账号 / the department has no account at work that may handle the rectification`,
  });
}

/** Assigned: to the new owner only — the head who assigned it already knows. */
export async function tellOfAssignment(tx: TxCtx, r: Item) {
  const to = await reachablePeople(tx.db, [r.ownerPersonId], (a) => rectificationPolicy.allowed(a, 'submit', r));
  await notify(tx, {
    kind: 'rectification.assign',
    recipientPersonIds: to.filter((id) => id !== tx.actor?.personId),
    title: `【指派整改】${r.code} ${r.title}`,
    body: `${tx.actor?.name ?? ''}指派您办理这项整改，请于 ${r.dueOn} 前报送情况说明或整改结果。`,
    en: {
      title: `[Rectification assigned] ${r.code} ${r.title}`,
      body: `${tx.actor?.name ?? ''} assigned this rectification to you; please submit an explanation or the fix by ${r.dueOn}.`,
    },
    link: link(r),
    entityType: 'rectification',
    entityId: r.id,
    dedupeKey: `rectification.assign:${r.id}:v${r.version}`,
    undeliverable: '被指派的整改人没有可以办理整改的在岗账号 / the assigned owner has no account at work that may handle it',
  });
}

/** Returned by the office: back to the owner with the reason. */
export async function tellOfReturn(tx: TxCtx, r: Item, reason: string) {
  await notify(tx, {
    kind: 'rectification.return',
    recipientPersonIds: await ownerOrStandIns(tx, r, (a) => rectificationPolicy.allowed(a, 'submit', r)),
    title: `【退回整改】${r.code} ${r.title}`,
    body: `退回理由：${reason}\n请于 ${r.dueOn} 前重新报送。`,
    en: { title: `[Rectification returned] ${r.code} ${r.title}`, body: `Reason: ${reason}\nPlease submit again by ${r.dueOn}.` },
    link: link(r),
    entityType: 'rectification',
    entityId: r.id,
    dedupeKey: `rectification.return:${r.id}:v${r.version}`,
    undeliverable:
      '整改人及其部门没有可以办理整改的在岗账号 / neither the owner nor the department has an account at work that may handle it',
  });
}

/** Withdrawn (an appeal upheld): the owner need do nothing more. */
export async function tellOfWithdrawal(tx: TxCtx, r: Item, reason: string) {
  await notify(tx, {
    kind: 'rectification.withdraw',
    recipientPersonIds: await ownerOrStandIns(tx, r, (a) => rectificationPolicy.allowed(a, 'read', r)),
    title: `【整改撤销】${r.code} ${r.title}`,
    body: `这项整改已撤销，无需再办理。原因：${reason}`,
    en: {
      title: `[Rectification withdrawn] ${r.code} ${r.title}`,
      body: `This rectification was withdrawn; nothing more is needed. Reason: ${reason}`,
    },
    link: link(r),
    entityType: 'rectification',
    entityId: r.id,
    dedupeKey: `rectification.withdraw:${r.id}`,
    undeliverable:
      '整改人及其部门没有可以查看整改的在岗账号 / neither the owner nor the department has an account at work that may read it',
  });
}
