import type { TxCtx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { departmentStandIns, reachablePeople } from '../notifications/index.ts';
import type { EnquiryRow, HandoverRow } from './enquiries.repo.ts';
import { enquiryPolicy, type EnquiryAccess, type PendingHandover } from './enquiries.policy.ts';

/**
 * Who hears of a hand-over (首问移交), in zh-CN and en-US, inside the caller's transaction: the
 * receiver — the person named (told even while away: they accept on return), a post's acting
 * holder (B while A is away), or a department's head, else everyone there on the enquiry desk —
 * and, when it is declined, the one who offered it. Nobody reachable: the delivery record says so.
 */

const link = (row: EnquiryRow) => `/enquiries?open=${row.id}`;

export async function tellReceiver(
  tx: TxCtx,
  row: EnquiryRow,
  h: HandoverRow,
  pending: PendingHandover,
  access: EnquiryAccess,
  names: { from: string; to: string },
) {
  const may = (a: Parameters<typeof enquiryPolicy.allowed>[0]) => enquiryPolicy.allowed(a, 'accept', { ...access, pending });
  const to = pending.to;
  const recipients =
    to.kind === 'person'
      ? await reachablePeople(tx.db, [to.personId], may, { atWork: false })
      : to.kind === 'post'
        ? await reachablePeople(tx.db, [to.actingPersonId], may)
        : await departmentStandIns(tx.db, to.departmentId, may);
  const code = formatTrackingCode(row.code);
  const note = h.note ? `\n${h.note}` : '';
  await notify(tx, {
    kind: 'enquiry.handover',
    recipientPersonIds: recipients.filter((id) => id !== tx.actor?.personId),
    title: `【首问移交】${row.subject}`,
    body: `${names.from}将首问事项移交给${names.to}，请接收或退回（查询码 ${code}）。${note}`,
    en: {
      title: `[Enquiry hand-over] ${row.subject}`,
      body: `${names.from} hands an enquiry over to ${names.to}; please accept or decline it (tracking code ${code}).${note}`,
    },
    link: link(row),
    entityType: 'enquiry',
    entityId: row.id,
    dedupeKey: `enquiry.handover:${h.id}`,
    undeliverable: `“${names.to}”没有可以接收首问移交的在岗账号 / “${names.to}” has no account at work that may accept the hand-over`,
  });
}

export async function tellDeclined(tx: TxCtx, row: EnquiryRow, h: HandoverRow, access: EnquiryAccess, byName: string) {
  const may = (a: Parameters<typeof enquiryPolicy.canSee>[0]) => enquiryPolicy.canSee(a, access);
  const recipients = await reachablePeople(tx.db, [h.fromPersonId], may, { atWork: false });
  const why = h.decisionNote ? `：${h.decisionNote}` : '';
  const whyEn = h.decisionNote ? `: ${h.decisionNote}` : '';
  await notify(tx, {
    kind: 'enquiry.handover_declined',
    recipientPersonIds: recipients.filter((id) => id !== tx.actor?.personId),
    title: `【移交被退回】${row.subject}`,
    body: `${byName}退回了首问事项的移交，仍由您负责${why}`,
    en: { title: `[Hand-over declined] ${row.subject}`, body: `${byName} declined the hand-over; the enquiry stays with you${whyEn}` },
    link: link(row),
    entityType: 'enquiry',
    entityId: row.id,
    dedupeKey: `enquiry.handover_declined:${h.id}`,
    undeliverable: '移交人没有可以查看此事项的账号 / the one who offered it has no account that may see it',
  });
}
