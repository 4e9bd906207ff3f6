import { chainHash, type ChainedFields } from '../../server/src/platform/audit/audit.ts';
import type { Sink, Writer } from './sink.ts';

export const AUDIT_COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'before_json',
  'after_json',
  'ip',
  'prev_hash',
  'hash',
  'algorithm',
];

export type AuditEvent = {
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string;
};

/**
 * Appends to the hash chain exactly as platform/audit/audit.ts does (same canonical fields, same
 * `chainHash`), continuing from the head the bootstrap left, and moves the head at the end. The clock
 * walks from `startMs` to `endMs` across the `expected` events so that `at` grows with `seq`.
 */
export function auditChain(
  sink: Sink,
  head: { seq: number; hash: string },
  algorithm: string,
  clock: { startMs: number; endMs: number; expected: number },
) {
  const writer: Writer = sink.table('audit_events', AUDIT_COLUMNS);
  let seq = head.seq;
  let prevHash = head.hash;
  const step = Math.max(1, (clock.endMs - clock.startMs) / Math.max(1, clock.expected));
  let t = clock.startMs;
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  // A task's events are peeked at (for its rows) and then appended: the last few instants formatted
  // are kept, so that each is formatted once.
  const recentMs = new Float64Array(16).fill(Number.NaN);
  const recentText: string[] = [];
  let oldest = 0;
  const iso = (ms: number) => {
    for (let i = 0; i < 16; i++) if (recentMs[i] === ms) return recentText[i]!;
    const text = new Date(ms).toISOString();
    recentMs[oldest] = ms;
    recentText[oldest] = text;
    oldest = (oldest + 1) % 16;
    return text;
  };
  return {
    get count() {
      return seq - head.seq;
    },
    get seq() {
      return seq;
    },
    /** the instant the next event will carry */
    now: () => iso(Math.round(t)),
    /** the instant the k-th next event will carry (1 = the next one) */
    peek: (k: number) => iso(Math.round(t + k * step)),
    append(e: AuditEvent): void | Promise<void> {
      seq += 1;
      t += step;
      const fields: ChainedFields = {
        seq,
        at: iso(Math.round(t)),
        actorId: e.actorId,
        actorName: e.actorName,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        beforeJson: json(e.before),
        afterJson: json(e.after),
        ip: e.ip ?? '127.0.0.1',
        prevHash,
      };
      const hash = chainHash(algorithm, fields);
      prevHash = hash;
      return writer.push([
        seq,
        fields.at,
        fields.actorId,
        fields.actorName,
        fields.action,
        fields.entityType,
        fields.entityId,
        fields.beforeJson,
        fields.afterJson,
        fields.ip,
        fields.prevHash,
        hash,
        algorithm,
      ]);
    },
    async close() {
      await writer.flush();
      await sink.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [seq, prevHash]);
    },
  };
}
export type AuditChain = ReturnType<typeof auditChain>;
