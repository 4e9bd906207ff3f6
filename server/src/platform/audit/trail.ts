import path from 'node:path';
import type { Config } from '../config.ts';
import type { Executor } from '../db/database.ts';
import { loadAuditKey, type AuditKey } from './key.ts';
import { loadSm2Key, type Sm2KeySource } from './sm2.ts';

/**
 * What the chain trusts outside the database: the audit key, the checkpoint file beside the data
 * and the outside witness. A database handle opened by the app (bootstrap, buildApp) is bound to
 * its trail, so `recordAudit(tx, …)` finds the key from the transaction it is given; a handle
 * nobody bound (a backup copy, the bench generator) writes and verifies the plain chain only.
 */
export type AuditTrail = {
  /** null: no key here — MACs and checkpoint signatures cannot be made or checked */
  key: AuditKey | null;
  checkpointFile: string;
  witnessUrl: string | null;
  /** where the SM2 key that signs the head for bulletins is read from, at each signature (it may be rotated meanwhile) */
  signing: Sm2KeySource;
};

export type TrailSource = Pick<Config, 'dataDir' | 'audit'>;

export const checkpointFileOf = (dataDir: string) => path.join(dataDir, 'audit-checkpoints.jsonl');

/** The trail of a deployment; `create` makes the key files on first start (never when verifying). */
export function auditTrailFor(config: TrailSource, opts: { create: boolean }): AuditTrail {
  const signing = { dataDir: config.dataDir, privateKey: config.audit.sm2PrivateKey };
  if (opts.create) loadSm2Key(signing, opts);
  return {
    key: loadAuditKey(config, opts),
    checkpointFile: checkpointFileOf(config.dataDir),
    witnessUrl: config.audit.witnessUrl ?? null,
    signing,
  };
}

// Transactions share their root handle's dialect adapter (Kysely hands it on to every transaction
// and plugin copy), so the adapter names "this database as the app opened it".
const trails = new WeakMap<object, AuditTrail>();
const handleOf = (db: Executor): object => db.getExecutor().adapter;

/** Bind a database handle to the deployment's trail (idempotent): its audit rows get MACs from now on. */
export function bindAuditTrail(db: Executor, config: TrailSource): AuditTrail {
  const bound = trails.get(handleOf(db));
  if (bound) return bound;
  const trail = auditTrailFor(config, { create: true });
  trails.set(handleOf(db), trail);
  return trail;
}

export const auditTrailOf = (db: Executor): AuditTrail | null => trails.get(handleOf(db)) ?? null;
