import type { AuditVerifyResult } from '@qinlian/contracts';
import type { Db } from '../db/database.ts';
import { AUDIT_ALGORITHM, chainHash } from './audit.ts';

const BATCH = 5000;

/** Walk the chain in order; name the first row whose position, link or content does not hold. */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResult> {
  let expectedSeq = 1;
  let prevHash = '';
  let checked = 0;
  const fail = (seq: number, reason: string): AuditVerifyResult => ({
    ok: false,
    checked,
    algorithm: AUDIT_ALGORITHM,
    firstBadSeq: seq,
    reason,
  });
  for (;;) {
    const rows = await db.selectFrom('auditEvents').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(BATCH).execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return fail(expectedSeq, `row ${expectedSeq} is missing (next present is ${row.seq})`);
      if (row.prevHash !== prevHash) return fail(row.seq, 'link to the previous row is broken (rows removed or reordered)');
      if (chainHash(row.algorithm, row) !== row.hash) return fail(row.seq, 'content does not match its hash (row changed)');
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head) return fail(expectedSeq, 'chain head is missing');
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return fail(expectedSeq, `chain head expects ${head.seq} rows but ${expectedSeq - 1} remain (rows removed at the end)`);
  }
  return { ok: true, checked, algorithm: AUDIT_ALGORITHM, firstBadSeq: null, reason: null };
}
