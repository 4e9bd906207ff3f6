import type { AuditVerifyResult } from '@qinlian/contracts';
import type { Executor } from '../db/database.ts';
import type { AuditEventsTable } from '../db/schema.ts';
import { AUDIT_ALGORITHM } from './algorithm.ts';
import { chainBatches, checkChainRow, walkFromStart } from './chain-walk.ts';
import { auditTrailOf, type AuditTrail } from './trail.ts';
import { checkCheckpoints, gatherCheckpoints } from './verify-checkpoints.ts';

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
  let checked = 0;
  let macsChecked = 0;
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

  const state = walkFromStart();
  for await (const rows of chainBatches(db, 1)) {
    for (const row of rows) {
      const held = checkChainRow(row, state, key);
      if ('bad' in held) return fail(held.bad.seq, held.bad.reason);
      if (held.mac === 'checked') macsChecked++;
      else if (held.mac === 'unchecked') macsUnchecked++;
      if (wanted.has(row.seq)) hashAt.set(row.seq, row.hash);
      opts.onRow?.(row);
      checked++;
    }
  }
  const head = await db.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const { expectedSeq, prevHash } = state;
  if (!head) return fail(expectedSeq, 'chain head is missing');
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return fail(expectedSeq, `chain head expects ${head.seq} rows but ${expectedSeq - 1} remain (rows removed at the end)`);
  }
  if (macsUnchecked)
    notes.push(`${macsUnchecked} 行的 MAC 未校验：此处没有审计密钥 / MACs of ${macsUnchecked} rows not checked: no audit key here`);
  const problem = checkCheckpoints(gathered, { key, end: expectedSeq - 1, hashAt, notes });
  return problem ? fail(problem.seq, problem.reason) : verdict(true, null, null);
}
