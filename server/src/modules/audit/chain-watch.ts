import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { auditTrailOf } from '../../platform/audit/trail.ts';
import { chainBatches, checkChainRow, walkFromStart, type WalkState } from '../../platform/audit/chain-walk.ts';
import type { Executor } from '../../platform/db/database.ts';
import { auditRepo } from './audit.repo.ts';

/**
 * How far the chain has been re-hashed for the public bulletin check. The public must not be able to
 * make the server walk a million rows per request, so each database handle keeps one walk: rows
 * 1 … through verified, extended to the head as it moves, one walk at a time however many ask.
 * The epoch caches of platform/db do not fit: every audited write would drop them, and this mark
 * only ever has to move forward. Rows already passed are held by an anchor (the row at the mark must
 * keep its hash: a re-chained or cut chain starts the walk again) and walked afresh every hour, so a
 * row edited in place below the mark is found within the hour; `qinlian audit verify` and the daily
 * job check everything at once.
 */
type Watch = { state: WalkState; bad: { seq: number } | null; startedAt: number; running: Promise<void> | null };

export type ChainProgress = {
  headSeq: number;
  verifiedThrough: number;
  firstBadSeq: number | null;
  /** the walk reached the head or stopped at a bad row */
  complete: boolean;
};

const RECHECK_MS = 60 * 60_000;
/** a request waits this long for the walk, then answers with how far it got (pending) */
const WAIT_MS = 2_000;

const watches = new WeakMap<object, Watch>();
const handleOf = (db: Executor): object => db.getExecutor().adapter; // the root handle and its transactions share it

const through = (w: Watch) => w.state.expectedSeq - 1;

async function anchorHolds(db: Executor, w: Watch): Promise<boolean> {
  const seq = through(w);
  const hash = w.state.prevHash;
  if (seq === 0) return true;
  return (await auditRepo.rowHash(db, seq))?.hash === hash;
}

async function walk(db: Executor, w: Watch, toSeq: number): Promise<void> {
  const key = auditTrailOf(db)?.key ?? null;
  for await (const rows of chainBatches(db, w.state.expectedSeq, toSeq)) {
    for (const row of rows) {
      const held = checkChainRow(row, w.state, key);
      if ('bad' in held) {
        w.bad = { seq: held.bad.seq };
        return;
      }
    }
    await nextTurn(); // SQLite answers synchronously: let other requests in between batches
  }
  if (through(w) < toSeq) w.bad = { seq: through(w) + 1 }; // the head counts rows that are gone
}

function start(db: Executor, w: Watch, toSeq: number) {
  w.running = walk(db, w, toSeq)
    .catch(() => undefined) // a failed read (the database closing) leaves the mark where it was; the next request walks on
    .finally(() => {
      w.running = null;
    });
}

/** The chain as verified for the public, extended to today's head (waiting up to WAIT_MS for that). */
export async function chainProgress(db: Executor, now: number): Promise<ChainProgress> {
  const headSeq = (await auditRepo.head(db))?.seq ?? 0;
  let w = watches.get(handleOf(db));
  if (!w || now - w.startedAt > RECHECK_MS || !(await anchorHolds(db, w))) {
    w = { state: walkFromStart(), bad: null, startedAt: now, running: null };
    watches.set(handleOf(db), w);
  }
  const deadline = Date.now() + WAIT_MS;
  // a walk another request started may stop short of this request's head: then walk on from there
  let startedFrom = -1;
  while (!w.bad && through(w) < headSeq && Date.now() < deadline) {
    if (!w.running) {
      if (through(w) === startedFrom) break; // the walk this request started got nowhere (a failed read)
      startedFrom = through(w);
      start(db, w, headSeq);
    }
    await Promise.race([w.running, sleep(deadline - Date.now(), undefined, { ref: false })]);
  }
  return {
    headSeq,
    verifiedThrough: through(w),
    firstBadSeq: w.bad?.seq ?? null,
    complete: w.bad !== null || through(w) >= headSeq,
  };
}
