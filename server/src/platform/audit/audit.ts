import crypto from 'node:crypto';
import type { TxCtx } from '../context.ts';
import { iso } from '../clock.ts';

/** SM3 (国密) where Node's crypto has it, else SHA-256. The algorithm is stored with each row. */
export const AUDIT_ALGORITHM = crypto.getHashes().includes('sm3') ? 'sm3' : 'sha256';

export type AuditInput = {
  action: string; // e.g. department.create
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
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
};

/** The hash covers every stored field and the previous row's hash, so any edit, removal or reorder breaks it. */
export function chainHash(algorithm: string, f: ChainedFields): string {
  const canonical = JSON.stringify([
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
  ]);
  return crypto.createHash(algorithm).update(canonical, 'utf8').digest('hex');
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Append one event to the chain inside the caller's transaction: the write and its audit record
 * commit together or not at all. Bumping the single head row takes its row lock on PostgreSQL,
 * which serialises appenders; SQLite has one writer anyway.
 */
export async function recordAudit(ctx: TxCtx, input: AuditInput): Promise<number> {
  const head = await ctx.db
    .updateTable('auditHead')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const fields: ChainedFields = {
    seq: head.seq,
    at: iso(ctx.clock.now()),
    actorId: ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null,
    actorName: ctx.actor?.name ?? '匿名',
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    beforeJson: toJson(input.before),
    afterJson: toJson(input.after),
    ip: ctx.ip,
    prevHash: head.hash,
  };
  const hash = chainHash(AUDIT_ALGORITHM, fields);
  await ctx.db
    .insertInto('auditEvents')
    .values({ ...fields, hash, algorithm: AUDIT_ALGORITHM })
    .execute();
  await ctx.db.updateTable('auditHead').set({ hash }).where('id', '=', 1).execute();
  return head.seq;
}
