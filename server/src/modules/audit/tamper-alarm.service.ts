import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { verifyAuditRecords, type AuditCheck } from '../../platform/audit/verify-records.ts';
import { describeAuditCheck } from '../../platform/audit/report.ts';
import type { AuditTrail } from '../../platform/audit/trail.ts';
import { peopleHoldingEverywhere } from '../identity/index.ts';

/** How many findings travel in the audit event and the message (the CLI lists them all). */
const LISTED = 20;

/**
 * Verify the chain and the business rows; on any failure record an `audit.verify_failed` event and
 * alarm the people who read the audit log everywhere (纪检监察 and the campaign office: holders of
 * audit.read with the whole organisation in scope) — in-app, by e-mail and to their group robots.
 * `occasion` keys the alarm, so a retried run alarms once.
 */
export async function verifyAndAlarm(ctx: Ctx, trail: AuditTrail, occasion: string): Promise<AuditCheck> {
  const check = await verifyAuditRecords(ctx.db, { trail });
  const { ok, lines } = describeAuditCheck(check);
  if (ok) return check;
  const findings = lines.slice(0, LISTED + 2);
  const body = findings.join('\n');
  await inTransaction(ctx, async (tx) => {
    await recordAudit(tx, {
      action: 'audit.verify_failed',
      entityType: 'audit',
      entityId: null,
      after: {
        chain: { ok: check.chain.ok, firstBadSeq: check.chain.firstBadSeq, reason: check.chain.reason },
        records: check.records && {
          ok: check.records.ok,
          rows: check.records.rows,
          problems: check.records.problems.slice(0, LISTED),
          more: check.records.more + Math.max(0, check.records.problems.length - LISTED),
          rebaselinedAt: check.records.rebaselinedAt,
        },
      },
    });
    await notify(tx, {
      kind: 'audit.tamper',
      recipientPersonIds: await peopleHoldingEverywhere(tx.db, 'audit.read'),
      title: '审计校验发现数据被篡改',
      body: `定时校验发现审计日志或业务数据与审计记录不符，请立即核查：\n${body}`,
      en: {
        title: 'Audit verification found tampering',
        body: `The scheduled verification found the audit log, or business rows, out of step with the audit record. Please investigate now:\n${body}`,
      },
      link: '/audit',
      entityType: 'audit',
      dedupeKey: `audit.tamper|${occasion}`,
    });
  });
  return check;
}
