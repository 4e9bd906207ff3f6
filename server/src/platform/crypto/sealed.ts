import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * Secrets kept at rest (robot signing secrets, SMTP passwords) are sealed with AES-256-GCM.
 * The key comes from QINLIAN_SECRET_KEY, or else from `<data dir>/secret.key`, made on first use.
 * Several instances on one PostgreSQL must share QINLIAN_SECRET_KEY to open each other's seals.
 */
type KeySource = Pick<Config, 'secretKey' | 'dataDir'>;
const keys = new Map<string, Buffer>();
const PREFIX = 'v1:';

function keyOf(config: KeySource): Buffer {
  const id = config.secretKey ? `env:${config.secretKey}` : `file:${config.dataDir}`;
  const hit = keys.get(id);
  if (hit) return hit;
  let material: Buffer;
  if (config.secretKey) material = Buffer.from(config.secretKey, 'utf8');
  else {
    const file = path.join(config.dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      try {
        fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    material = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
  }
  const key = crypto.createHash('sha256').update('qinlian-sealed-v1\0').update(material).digest();
  keys.set(id, key);
  return key;
}

export function seal(config: KeySource, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyOf(config), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Throws when the seal was made with another key (e.g. instances without a shared QINLIAN_SECRET_KEY). */
export function unseal(config: KeySource, sealed: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed secret');
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keyOf(config), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('cannot open a sealed secret: it was sealed with another key (set the same QINLIAN_SECRET_KEY on every instance)');
  }
}

/**
 * A keyed digest (HMAC-SHA256 under a key derived from the seal key) of personal data that is only
 * ever compared, never read back — a rater's device id or address. Unlike a plain hash, an address
 * cannot be found by trying all 2³² of them without the key. Instances sharing QINLIAN_SECRET_KEY
 * agree on it.
 */
export function keyedDigest(config: KeySource, purpose: string, value: string): string {
  const key = crypto.createHmac('sha256', keyOf(config)).update('qinlian-digest-v1').digest();
  return crypto.createHmac('sha256', key).update(purpose).update('\0').update(value).digest('base64url');
}
