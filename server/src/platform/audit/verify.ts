import type { AuditVerifyResult } from '@qinlian/contracts';
import type { Executor } from '../db/database.ts';
import type { AuditEventsTable } from '../db/schema.ts';
import { AUDIT_ALGORITHM } from './algorithm.ts';
import { chainHash } from './audit.ts';
import { rowMac, sameHex } from './key.ts';
import { auditTrailOf, type AuditTrail } from './trail.ts';
import { checkCheckpoints, gatherCheckpoints } from './verify-checkpoints.ts';

const BATCH = 5000;

/** The chain's verdict as the API shows it, and what the command line and the daily job add to it. */
export type ChainCheck = AuditVerifyResult & {
  /** rows whose MAC was checked with the key here; 0 with no key, or on a chain from before MACs */
  macsChecked: number;
  checkpoints: number;
  /** things worth knowing that do not make the chain untrustworthy (e.g. no key here, witness late) */
  notes: string[];
};

export type VerifyOptions = {
  /** the key, checkpoint file and witness to check against; default: the trail the handle is bound to (none → chain only) */
  trail?: AuditTrail | null;
  /** every row that verified, in order (verify --records collects the seals) */
  onRow?: (row: AuditEventsTable) => void;
};

/**
 * Walk the chain in order and name the first row whose position, link, content or MAC does not
 * hold; then hold the chain to every checkpoint kept in the database and in the checkpoint file.
 */
export async function verifyAuditChain(db: Executor, opts: VerifyOptions = {}): Promise<ChainCheck> {
  const trail = opts.trail !== undefined ? opts.trail : auditTrailOf(db);
  const key = trail?.key ?? null;
  const gathered = await gatherCheckpoints(db, trail);
  const wanted = new Set(gathered.all.map((c) => c.seq));
  const hashAt = new Map<number, string>();
  const notes: string[] = [];
  let expectedSeq = 1;
  let prevHash = '';
  let checked = 0;
  let macsChecked = 0;
  let macSeen = false;
  let macsUnchecked = 0;
  const verdict = (ok: boolean, seq: number | null, reason: string | null): ChainCheck => ({
    ok,
    checked,
    algorithm: AUDIT_ALGORITHM,
    firstBadSeq: seq,
    reason,
    macsChecked,
    checkpoints: gathered.all.length,
    notes,
  });
  const fail = (seq: number | null, reason: string) => verdict(false, seq, reason);

  for (;;) {
    const rows = await db.selectFrom('auditEvents').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(BATCH).execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return fail(expectedSeq, `row ${expectedSeq} is missing (next present is ${row.seq})`);
      if (row.prevHash !== prevHash) return fail(row.seq, 'link to the previous row is broken (rows removed or reordered)');
      if (chainHash(row.algorithm, row) !== row.hash) return fail(row.seq, 'content does not match its hash (row changed)');
      if (row.mac) {
        macSeen = true;
        const keyId = row.mac.slice(0, row.mac.indexOf(':'));
        if (!key) macsUnchecked++;
        else if (keyId !== key.id)
          return fail(
            row.seq,
            `row ${row.seq} was sealed with audit key ${keyId}, but the key here (${key.source}) is ${key.id}: bring the key this database was written with, or the row was forged`,
          );
        else if (!sameHex(rowMac(key, row.algorithm, row.hash), row.mac))
          return fail(row.seq, 'MAC does not match (row rewritten and re-chained without the audit key)');
        else macsChecked++;
      } else if (macSeen) {
        return fail(
          row.seq,
          'row has no MAC although earlier rows have one (MACs stripped, or written by a process without the audit key)',
        );
      }
      if (wanted.has(row.seq)) hashAt.set(row.seq, row.hash);
      opts.onRow?.(row);
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head) return fail(expectedSeq, 'chain head is missing');
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return fail(expectedSeq, `chain head expects ${head.seq} rows but ${expectedSeq - 1} remain (rows removed at the end)`);
  }
  if (macsUnchecked)
    notes.push(`${macsUnchecked} 行的 MAC 未校验：此处没有审计密钥 / MACs of ${macsUnchecked} rows not checked: no audit key here`);
  const problem = checkCheckpoints(gathered, { key, end: expectedSeq - 1, hashAt, notes });
  return problem ? fail(problem.seq, problem.reason) : verdict(true, null, null);
}
