import type { AuditCheckpointCheck, AuditCheckpointQuery, CheckpointVerdict, HeadSignatureCheck } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { AuditTrail } from '../../platform/audit/trail.ts';
import { verifyAuditChain, type ChainCheck } from '../../platform/audit/verify.ts';
import { auditRepo } from './audit.repo.ts';
import { chainProgress } from './chain-watch.ts';
import { readCheckpointQuery, type CheckpointRef } from './checkpoint-input.ts';
import { verifyHeadSignature } from './head-signing.service.ts';

type RowNow = { hash: string } | undefined;

function verdictOf(
  ref: CheckpointRef,
  row: RowNow,
  chain: { firstBadSeq: number | null; verifiedThrough: number; complete: boolean },
): CheckpointVerdict {
  if (!row) return 'not_found';
  if (row.hash !== ref.hash) return 'altered';
  if (chain.firstBadSeq !== null) return 'broken';
  return chain.complete && chain.verifiedThrough >= ref.seq ? 'confirmed' : 'pending';
}

const signatureOf = (db: Executor, ref: CheckpointRef): Promise<HeadSignatureCheck | null> =>
  ref.claim ? verifyHeadSignature(db, ref.claim) : Promise.resolve(null);

/**
 * 公告验证 for anyone (GET /api/public/audit/checkpoint): does today's chain still hold row `seq`
 * with the printed hash, and do the rows from the first to today's head verify? The walk is shared
 * and extended, not repeated (chain-watch.ts); the answer is `pending` while it has not reached the head.
 */
export async function checkPublicCheckpoint(ctx: Ctx, query: AuditCheckpointQuery): Promise<AuditCheckpointCheck> {
  const ref = readCheckpointQuery(query);
  const chain = await chainProgress(ctx.db, ctx.clock.now().getTime());
  const row = await auditRepo.rowHash(ctx.db, ref.seq);
  return {
    seq: ref.seq,
    hash: ref.hash,
    verdict: verdictOf(ref, row, chain),
    contained: row?.hash === ref.hash,
    headSeq: Math.max(chain.headSeq, row?.seq ?? 0),
    verifiedThrough: chain.verifiedThrough,
    complete: chain.complete,
    firstBadSeq: chain.firstBadSeq,
    signature: await signatureOf(ctx.db, ref),
  };
}

export type FullCheckpointCheck = {
  verdict: CheckpointVerdict;
  ref: CheckpointRef;
  /** the row's hash today; null when the chain has no such row */
  hashNow: string | null;
  chain: ChainCheck;
  signature: HeadSignatureCheck | null;
};

/**
 * `qinlian audit verify --checkpoint`: the same question answered from scratch — every row re-hashed,
 * with the MACs and the signed checkpoints where the audit key is here.
 */
export async function checkCheckpointFully(db: Executor, ref: CheckpointRef, trail: AuditTrail | null): Promise<FullCheckpointCheck> {
  const chain = await verifyAuditChain(db, { trail });
  const row = await auditRepo.rowHash(db, ref.seq);
  const walked = { firstBadSeq: chain.ok ? null : (chain.firstBadSeq ?? 0), verifiedThrough: chain.checked, complete: true };
  return { verdict: verdictOf(ref, row, walked), ref, hashNow: row?.hash ?? null, chain, signature: await signatureOf(db, ref) };
}
