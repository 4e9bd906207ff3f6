import fs from 'node:fs';
import type { Executor } from '../db/database.ts';
import { AUDIT_ALGORITHM } from './algorithm.ts';
import { hmacHex, sameHex, type AuditKey } from './key.ts';

/**
 * 审计检查点: the chain's head (seq, hash) at a moment, signed with the audit key. Kept three times —
 * a row in `audit_checkpoints`, a line in `<data dir>/audit-checkpoints.jsonl` (append-only), and,
 * where configured, at an outside witness — so that whoever rewrites the chain (re-chaining with or
 * without the key) or cuts its end off and resets the head is caught by an earlier checkpoint that
 * no longer matches, or that names a row the chain no longer has.
 */
export type Checkpoint = { seq: number; hash: string; at: string; keyId: string; signature: string };

const signed = (c: Omit<Checkpoint, 'signature'>) => JSON.stringify(['qinlian-audit-checkpoint', c.seq, c.hash, c.at, c.keyId]);

export function signCheckpoint(key: AuditKey, head: { seq: number; hash: string }, at: string): Checkpoint {
  const c = { seq: head.seq, hash: head.hash, at, keyId: key.id };
  return { ...c, signature: hmacHex(key, AUDIT_ALGORITHM, signed(c)) };
}

/** True when this key made the signature; null when it was made by another key (cannot tell). */
export function checkpointSignedBy(key: AuditKey, c: Checkpoint): boolean | null {
  if (c.keyId !== key.id) return null;
  return sameHex(hmacHex(key, AUDIT_ALGORITHM, signed(c)), c.signature);
}

/** One JSON line per checkpoint, appended and flushed; the file is never rewritten. */
export function appendCheckpointFile(file: string, c: Checkpoint): void {
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify({ v: 1, ...c })}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const isCheckpoint = (x: unknown): x is Checkpoint => {
  const c = x as Checkpoint;
  return (
    !!c &&
    Number.isInteger(c.seq) &&
    c.seq > 0 &&
    typeof c.hash === 'string' &&
    typeof c.at === 'string' &&
    typeof c.keyId === 'string' &&
    typeof c.signature === 'string'
  );
};

/** The file's checkpoints in order; lines that are not checkpoints are reported by number. */
export function readCheckpointFile(file: string): { exists: boolean; checkpoints: Checkpoint[]; badLines: number[] } {
  if (!fs.existsSync(file)) return { exists: false, checkpoints: [], badLines: [] };
  const checkpoints: Checkpoint[] = [];
  const badLines: number[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const c: unknown = JSON.parse(line);
        if (isCheckpoint(c)) checkpoints.push({ seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId, signature: c.signature });
        else badLines.push(i + 1);
      } catch {
        badLines.push(i + 1);
      }
    });
  return { exists: true, checkpoints, badLines };
}

/** The database's checkpoints; none on a database from before checkpoints (no table yet). */
export async function readDbCheckpoints(db: Executor): Promise<Checkpoint[]> {
  try {
    return await db
      .selectFrom('auditCheckpoints')
      .select(['seq', 'hash', 'at', 'keyId', 'signature'])
      .orderBy('seq')
      .orderBy('at')
      .execute();
  } catch {
    return [];
  }
}

export const sameCheckpoint = (a: Checkpoint, b: Checkpoint) => a.seq === b.seq && a.hash === b.hash && a.at === b.at;
