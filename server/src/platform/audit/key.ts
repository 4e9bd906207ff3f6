import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * The audit key (审计密钥): it keys the MAC on every chained row and signs the checkpoints, and it
 * never lives in the database. It comes from QINLIAN_AUDIT_KEY, or else from `<data dir>/audit.key`
 * (0600), made on first start — for PostgreSQL too, so whoever holds only the database cannot
 * re-chain the log. Several instances on one database must share it (the same QINLIAN_AUDIT_KEY, or
 * the same data dir), and a restore to a new machine needs it brought along.
 */
export type AuditKey = {
  /** a public fingerprint of the key: which key made a MAC or signature */
  id: string;
  bytes: Buffer;
  /** where it came from, for messages */
  source: string;
};

export type KeySource = { dataDir: string; audit: Pick<Config['audit'], 'key'> };

export const auditKeyFile = (dataDir: string) => path.join(dataDir, 'audit.key');

const derive = (material: Buffer, source: string): AuditKey => {
  const bytes = crypto.createHash('sha256').update('qinlian-audit-key-v1\0').update(material).digest();
  const id = crypto.createHmac('sha256', bytes).update('qinlian-audit-key-id').digest('hex').slice(0, 16);
  return { id, bytes, source };
};

/**
 * The key, or null when there is none and `create` is false (verification must not mint a key:
 * a new key would only make every existing MAC look forged).
 */
export function loadAuditKey(config: KeySource, opts: { create: boolean }): AuditKey | null {
  if (config.audit.key) return derive(Buffer.from(config.audit.key, 'utf8'), 'QINLIAN_AUDIT_KEY');
  const file = auditKeyFile(config.dataDir);
  if (!fs.existsSync(file)) {
    if (!opts.create) return null;
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another instance made it first
    }
  }
  const material = fs.readFileSync(file, 'utf8').trim();
  if (material.length < 16) throw new Error(`审计密钥文件无效 / the audit key file ${file} holds no key (at least 16 characters)`);
  return derive(Buffer.from(material, 'utf8'), file);
}

/** HMAC under the audit key, with the chain's hash algorithm (SM3 where Node has it). */
export function hmacHex(key: AuditKey, algorithm: string, text: string): string {
  return crypto.createHmac(algorithm, key.bytes).update(text, 'utf8').digest('hex');
}

/** The MAC stored with a chained row: `<key id>:<HMAC of the row's hash>`. */
export const rowMac = (key: AuditKey, algorithm: string, hash: string) =>
  `${key.id}:${hmacHex(key, algorithm, `qinlian-audit-row\0${hash}`)}`;

/** Constant-time comparison of two hex strings of any length. */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
