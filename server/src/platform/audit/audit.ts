import crypto from 'node:crypto';
import type { TxCtx } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { iso } from '../clock.ts';
import { AUDIT_ALGORITHM } from './algorithm.ts';
import { rowMac } from './key.ts';
import { auditTrailOf } from './trail.ts';
import { ENTITY_TABLES, sealsOf, type RecordRef } from './records.ts';

export { AUDIT_ALGORITHM };

export type AuditInput = {
  action: string; // e.g. department.create
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** further business rows this event changed (its own entity is sealed without asking) */
  seal?: RecordRef[];
};

export type ChainedFields = {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string;
  prevHash: string;
  /** JSON seals of business rows; absent or null on rows that seal nothing (and on every row before sealing began) */
  seals?: string | null;
};

/**
 * The hash covers every stored field and the previous row's hash, so any edit, removal or reorder
 * breaks it. Rows with seals hash them too; rows without hash exactly as before seals existed.
 */
export function chainHash(algorithm: string, f: ChainedFields): string {
  const fields: unknown[] = [
    f.seq,
    f.at,
    f.actorId,
    f.actorName,
    f.action,
    f.entityType,
    f.entityId,
    f.beforeJson,
    f.afterJson,
    f.ip,
    f.prevHash,
  ];
  if (f.seals != null) fields.push(f.seals);
  return crypto.createHash(algorithm).update(JSON.stringify(fields), 'utf8').digest('hex');
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Transactions holding a reserved, not yet written event: nothing else may append until it is. */
const reserved = new WeakSet<Tx>();

export type PendingAudit = {
  seq: number;
  /** Write the event, sealing the rows it names as they stand now; call once the rows are written. */
  write(): Promise<number>;
};

/**
 * Append one event to the chain inside the caller's transaction: the write and its audit record
 * commit together or not at all. Bumping the single head row takes its row lock on PostgreSQL,
 * which serialises appenders; SQLite has one writer anyway.
 *
 * On a database bound to its audit trail (the app's), the event also seals the business row it
 * names (ENTITY_TABLES in record-specs.ts: a task, person, department, post, role, account, or an
 * office-rules row) as it stands now — so record the event after the write; further rows it wrote
 * go in `seal` — and carries a MAC under the audit key.
 */
export async function recordAudit(ctx: TxCtx, input: AuditInput): Promise<number> {
  return (await beginAudit(ctx, input)).write();
}

/**
 * For writers that must take the chain's head before they touch their rows (tasks/task-write.service.ts
 * holds that lock before any task or counter row, so that multi-task transactions queue instead of
 * deadlocking): reserve the event's place now, write the rows, then `write()` the event — its seals
 * read the rows as written. Only inserts: an event, once in the table, is never rewritten.
 */
export async function beginAudit(ctx: TxCtx, input: AuditInput): Promise<PendingAudit> {
  if (reserved.has(ctx.db)) throw new Error('recordAudit: an earlier event of this transaction is reserved but not written');
  const head = await ctx.db
    .updateTable('auditHead')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  reserved.add(ctx.db);
  const at = iso(ctx.clock.now());
  return {
    seq: head.seq,
    async write() {
      const trail = auditTrailOf(ctx.db);
      const table = ENTITY_TABLES[input.entityType];
      const refs = [...(table && input.entityId ? [{ table, id: input.entityId }] : []), ...(input.seal ?? [])];
      const seals = trail?.key && refs.length ? await sealsOf(ctx.db, refs) : [];
      const fields: ChainedFields = {
        seq: head.seq,
        at,
        actorId: ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null,
        actorName: ctx.actor?.name ?? '匿名',
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        beforeJson: toJson(input.before),
        afterJson: toJson(input.after),
        ip: ctx.ip,
        prevHash: head.hash,
        seals: seals.length ? JSON.stringify(seals) : null,
      };
      const hash = chainHash(AUDIT_ALGORITHM, fields);
      const mac = trail?.key ? rowMac(trail.key, AUDIT_ALGORITHM, hash) : null;
      await ctx.db
        .insertInto('auditEvents')
        .values({ ...fields, seals: fields.seals ?? null, hash, algorithm: AUDIT_ALGORITHM, mac })
        .execute();
      await ctx.db.updateTable('auditHead').set({ hash }).where('id', '=', 1).execute();
      reserved.delete(ctx.db);
      return head.seq;
    },
  };
}
