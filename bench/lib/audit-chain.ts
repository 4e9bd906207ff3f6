import { chainHash } from '../../server/src/platform/audit/audit.ts';
import type { Sink, Value } from './sink.ts';

export const AUDIT_COLUMNS = ['seq', 'at', 'actor_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'before_json', 'after_json', 'ip', 'prev_hash', 'hash', 'algorithm'];

export type AuditEvent = {
  actorId: string | null; actorName: string; action: string; entityType: string; entityId: string | null;
  before?: unknown; after?: unknown; ip?: string;
};

/**
 * Links audit rows (the first ten AUDIT_COLUMNS, seq … ip) into the hash chain after `head`, exactly
 * as platform/audit/audit.ts does (same canonical fields, same `chainHash`): appends prev_hash, hash
 * and algorithm to each row, which must come in `seq` order. The sink calls it on whichever thread
 * writes the rows.
 */
export function auditLinker(head: { hash: string }, algorithm: string) {
  let prevHash = head.hash;
  return (row: Value[]): Value[] => {
    const [seq, at, actorId, actorName, action, entityType, entityId, beforeJson, afterJson, ip] = row as [number, string, string | null, string, string, string, string | null, string | null, string | null, string];
    const hash = chainHash(algorithm, { seq, at, actorId, actorName, action, entityType, entityId, beforeJson, afterJson, ip, prevHash });
    row.push(prevHash, hash, algorithm);
    prevHash = hash;
    return row;
  };
}

/**
 * Appends to the audit log, continuing from the head the bootstrap left, and moves the head to the
 * last row at the end. The clock walks from `startMs` to `endMs` across the `expected` events so that
 * `at` grows with `seq`.
 */
export function auditChain(sink: Sink, head: { seq: number; hash: string }, algorithm: string, clock: { startMs: number; endMs: number; expected: number }) {
  const writer = sink.auditLog(head, algorithm);
  let seq = head.seq;
  const step = Math.max(1, (clock.endMs - clock.startMs) / Math.max(1, clock.expected));
  let t = clock.startMs;
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return {
    get count() { return seq - head.seq; },
    get seq() { return seq; },
    /** the instant the next event will carry */
    now: () => new Date(Math.round(t)).toISOString(),
    /** the instant the k-th next event will carry (1 = the next one) */
    peek: (k: number) => new Date(Math.round(t + k * step)).toISOString(),
    append(e: AuditEvent): void | Promise<void> {
      seq += 1;
      t += step;
      return writer.push([seq, new Date(Math.round(t)).toISOString(), e.actorId, e.actorName, e.action, e.entityType, e.entityId, json(e.before), json(e.after), e.ip ?? '127.0.0.1']);
    },
    async close() {
      await writer.flush();
      await sink.run('UPDATE audit_head SET seq = ?, hash = (SELECT hash FROM audit_events WHERE seq = ?) WHERE id = 1', [seq, seq]);
    },
  };
}
export type AuditChain = ReturnType<typeof auditChain>;
