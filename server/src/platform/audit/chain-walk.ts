import type { Executor } from '../db/database.ts';
import type { AuditEventsTable } from '../db/schema.ts';
import { chainHash } from './audit.ts';
import { rowMac, sameHex, type AuditKey } from './key.ts';

const BATCH = 5000;

/** Where a walk along the chain stands: the row it expects next, the hash that row must link to. */
export type WalkState = { expectedSeq: number; prevHash: string; macSeen: boolean };

export const walkFromStart = (): WalkState => ({ expectedSeq: 1, prevHash: '', macSeen: false });

export type RowVerdict = { bad: { seq: number; reason: string } } | { mac: 'checked' | 'unchecked' | 'none' };

/**
 * One row held to its place, its link, its content and its MAC; on success the state moves past it.
 * The full verification (verify.ts) and the public checkpoint check (modules/audit) walk with it.
 */
export function checkChainRow(row: AuditEventsTable, state: WalkState, key: AuditKey | null): RowVerdict {
  const bad = (seq: number, reason: string): RowVerdict => ({ bad: { seq, reason } });
  if (row.seq !== state.expectedSeq) return bad(state.expectedSeq, `row ${state.expectedSeq} is missing (next present is ${row.seq})`);
  if (row.prevHash !== state.prevHash) return bad(row.seq, 'link to the previous row is broken (rows removed or reordered)');
  if (chainHash(row.algorithm, row) !== row.hash) return bad(row.seq, 'content does not match its hash (row changed)');
  let mac: 'checked' | 'unchecked' | 'none' = 'none';
  if (row.mac) {
    state.macSeen = true;
    const keyId = row.mac.slice(0, row.mac.indexOf(':'));
    if (!key) mac = 'unchecked';
    else if (keyId !== key.id)
      return bad(
        row.seq,
        `row ${row.seq} was sealed with audit key ${keyId}, but the key here (${key.source}) is ${key.id}: bring the key this database was written with, or the row was forged`,
      );
    else if (!sameHex(rowMac(key, row.algorithm, row.hash), row.mac))
      return bad(row.seq, 'MAC does not match (row rewritten and re-chained without the audit key)');
    else mac = 'checked';
  } else if (state.macSeen) {
    return bad(row.seq, 'row has no MAC although earlier rows have one (MACs stripped, or written by a process without the audit key)');
  }
  state.prevHash = row.hash;
  state.expectedSeq++;
  return { mac };
}

/** The chain's rows from `fromSeq` on (up to `toSeq` when given), a batch at a time, in order. */
export async function* chainBatches(db: Executor, fromSeq: number, toSeq?: number): AsyncGenerator<AuditEventsTable[]> {
  for (let next = fromSeq; ;) {
    let query = db.selectFrom('auditEvents').selectAll().where('seq', '>=', next);
    if (toSeq !== undefined) query = query.where('seq', '<=', toSeq);
    const rows = await query.orderBy('seq').limit(BATCH).execute();
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    next = rows.at(-1)!.seq + 1;
  }
}
