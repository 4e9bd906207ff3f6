import { z } from 'zod';
import { Instant } from './common.ts';

/**
 * 公告验证: what a published bulletin prints (the audit chain's head and an SM2 signature over it),
 * and the public check of it (GET /api/public/audit/checkpoint, /audit/keys; docs/checkpoints.md).
 */

/** The head as signed: the SM3 hash of row `seq`, and an SM2 signature (r‖s, hex) over `qinlian-audit-head:v1|seq|hash|signedAt`. */
export const SignedChainHead = z.object({
  seq: z.number().int().positive(),
  hash: z.string(),
  /** the chain's hash algorithm (sm3) */
  algorithm: z.string(),
  keyId: z.string(),
  /** uncompressed, 130 hex digits */
  publicKey: z.string(),
  signature: z.string(),
  signedAt: Instant,
});
export type SignedChainHead = z.infer<typeof SignedChainHead>;

/** One of the area's public SM2 keys; the open one (validUntil null) signs now. */
export const AuditSigningKey = z.object({
  id: z.string(),
  publicKey: z.string(),
  /** SM2 with the SM3 digest and the default user id 1234567812345678 */
  algorithm: z.string(),
  validFrom: Instant,
  validUntil: Instant.nullable(),
});
export type AuditSigningKey = z.infer<typeof AuditSigningKey>;
export const AuditSigningKeys = z.object({ items: z.array(AuditSigningKey) });
export type AuditSigningKeys = z.infer<typeof AuditSigningKeys>;

/**
 * What a bulletin's reader types in. Only bounded here; the service reads each field and names the
 * ones that are not what a bulletin prints (seq a whole number, hash 64 hex digits …).
 */
export const AuditCheckpointQuery = z.object({
  seq: z.string().max(32),
  hash: z.string().max(200),
  signature: z.string().max(300).optional(),
  keyId: z.string().max(64).optional(),
  signedAt: z.string().max(64).optional(),
});
export type AuditCheckpointQuery = z.infer<typeof AuditCheckpointQuery>;

/**
 * confirmed: the row still has that hash and every row from the first to today's head verifies;
 * pending: the row matches, the walk to the head is still under way (ask again shortly);
 * not_found: the chain has no such row (cut short, or the number is wrong);
 * altered: the row now has another hash (it, or a row before it, was rewritten);
 * broken: the row matches but some row does not verify (firstBadSeq says which).
 */
export const CHECKPOINT_VERDICTS = ['confirmed', 'pending', 'not_found', 'altered', 'broken'] as const;
export const CheckpointVerdict = z.enum(CHECKPOINT_VERDICTS);
export type CheckpointVerdict = z.infer<typeof CheckpointVerdict>;

export const HeadSignatureCheck = z.object({
  valid: z.boolean(),
  keyId: z.string(),
  /** unknown_key: no key of the area has this id; after_retirement: dated after its key was retired; mismatch: not this text's signature */
  problem: z.enum(['unknown_key', 'after_retirement', 'mismatch']).nullable(),
  key: AuditSigningKey.nullable(),
});
export type HeadSignatureCheck = z.infer<typeof HeadSignatureCheck>;

export const AuditCheckpointCheck = z.object({
  seq: z.number().int(),
  hash: z.string(),
  verdict: CheckpointVerdict,
  /** the chain has row `seq` with exactly this hash today */
  contained: z.boolean(),
  headSeq: z.number().int(),
  /** rows 1 … verifiedThrough re-hashed and linked without a fault */
  verifiedThrough: z.number().int(),
  /** the walk reached the head, or stopped at a bad row: the answer will not change by asking again */
  complete: z.boolean(),
  firstBadSeq: z.number().int().nullable(),
  /** null when no signature was given */
  signature: HeadSignatureCheck.nullable(),
});
export type AuditCheckpointCheck = z.infer<typeof AuditCheckpointCheck>;
