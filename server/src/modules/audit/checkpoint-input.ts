import type { AuditCheckpointQuery, ErrorCode } from '@qinlian/contracts';
import { DomainError, invalid } from '../../platform/errors.ts';
import type { HeadSignatureClaim } from './head-signing.service.ts';

/** A bulletin's head as its reader typed it, read into what the chain holds. */
export type CheckpointRef = { seq: number; hash: string; claim: HeadSignatureClaim | null };

const SEQ = /^[1-9]\d{0,14}$/; // up to 15 digits: a safe integer
const HASH = /^[0-9a-f]{64}$/; // SM3 (and SHA-256) in hex
const SIGNATURE = /^[0-9a-f]{128}$/; // SM2 r‖s
const KEY_ID = /^[0-9a-f]{16}$/;
const SIGNED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/; // exactly as the server prints an instant

type Field = { path: string; message: ErrorCode };
const given = (v: string | undefined) => (v ?? '').trim();

function signatureClaim(q: AuditCheckpointQuery, head: { seq: number; hash: string }, fields: Field[]): HeadSignatureClaim | null {
  const parts = { signature: given(q.signature).toLowerCase(), keyId: given(q.keyId).toLowerCase(), signedAt: given(q.signedAt) };
  if (!parts.signature && !parts.keyId && !parts.signedAt) return null;
  const check = (path: keyof typeof parts, ok: boolean, message: ErrorCode) => {
    if (!parts[path]) fields.push({ path, message: 'audit_checkpoint_signature_parts' });
    else if (!ok) fields.push({ path, message });
  };
  check('signature', SIGNATURE.test(parts.signature), 'audit_checkpoint_signature');
  check('keyId', KEY_ID.test(parts.keyId), 'audit_checkpoint_key_id');
  check('signedAt', SIGNED_AT.test(parts.signedAt) && !Number.isNaN(Date.parse(parts.signedAt)), 'audit_checkpoint_signed_at');
  return { ...head, ...parts };
}

/**
 * Read the bulletin's numbers before any query: the sequence number a whole number, the hash 64 hex
 * digits, and a signature (optional) with its key id and signing time. Anything else — markup, SQL,
 * a truncated hash — is refused naming each field, in the caller's language.
 */
export function readCheckpointQuery(q: AuditCheckpointQuery): CheckpointRef {
  const fields: Field[] = [];
  const seqText = given(q.seq);
  const hash = given(q.hash).toLowerCase();
  if (!SEQ.test(seqText)) fields.push({ path: 'seq', message: 'audit_checkpoint_seq' });
  if (!HASH.test(hash)) fields.push({ path: 'hash', message: 'audit_checkpoint_hash' });
  const claim = signatureClaim(q, { seq: Number(seqText), hash }, fields);
  if (fields.length) throw invalid(fields);
  return { seq: Number(seqText), hash, claim };
}

/** `<seq>:<hash>` as a bulletin prints it (a full-width colon from a Chinese keyboard too), for the command line. */
export function readCheckpointText(text: string, signature: Omit<AuditCheckpointQuery, 'seq' | 'hash'> = {}): CheckpointRef {
  const parts = text.trim().split(/\s*[:：]\s*/);
  if (parts.length !== 2) throw new DomainError('audit_checkpoint_ref', 400);
  return readCheckpointQuery({ seq: parts[0]!, hash: parts[1]!, ...signature });
}
