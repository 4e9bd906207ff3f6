import fs from 'node:fs';
import path from 'node:path';
import { sm2, sm3 } from 'sm-crypto-v2';

/**
 * 国密 SM2 signatures over the audit chain's head, the proof a printed bulletin carries. Node's own
 * SM2 does not interoperate, so sm-crypto-v2 signs: SM3 digest with the signer's Z value and the
 * default user id (1234567812345678, GB/T 32918), the signature as r‖s in 128 hex digits — what
 * any standard SM2 tool checks with the public key alone.
 */
export type Sm2SigningKey = {
  /** a public fingerprint: the first 16 hex digits of SM3 over the public key */
  id: string;
  privateKey: string;
  /** uncompressed, 130 hex digits starting 04 */
  publicKey: string;
  /** where it came from, for messages */
  source: string;
};

/** Where the area's signing key comes from: QINLIAN_SM2_PRIVATE_KEY, else `<data dir>/audit-sm2.key`. */
export type Sm2KeySource = { dataDir: string; privateKey: string | undefined };

export const SM2_USER_ID = '1234567812345678';
/** the order n of the SM2 curve: r and s lie in [1, n-1] */
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const HEX64 = /^[0-9a-f]{64}$/;

export const sm2KeyFile = (dataDir: string) => path.join(dataDir, 'audit-sm2.key');
export const sm2KeyId = (publicKey: string) => sm3(sm2.hexToArray(publicKey)).slice(0, 16);

/** The text a head signature covers; the bulletin prints each part, so anyone can rebuild it. */
export const headSignatureText = (h: { seq: number; hash: string; signedAt: string }) =>
  `qinlian-audit-head:v1|${h.seq}|${h.hash.toLowerCase()}|${h.signedAt}`;

export function sm2KeyFromPrivate(privateKey: string, source: string): Sm2SigningKey {
  const hex = privateKey.trim().toLowerCase();
  const d = HEX64.test(hex) ? BigInt(`0x${hex}`) : 0n;
  if (d < 1n || d >= SM2_N - 1n)
    throw new Error(`SM2 私钥无效 / the SM2 private key from ${source} is not 64 hex digits in the curve's range`);
  const publicKey = sm2.getPublicKeyFromPrivateKey(hex);
  return { id: sm2KeyId(publicKey), privateKey: hex, publicKey, source };
}

export const newSm2PrivateKey = () => sm2.generateKeyPairHex().privateKey;

/** Write a key file that must not exist yet (0600); false when it does. */
export function writeSm2KeyFile(file: string, privateKey: string): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${privateKey}\n`, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * The signing key, or null when there is none and `create` is false. Made on first start like the
 * audit key; several instances on one database share it (the same variable, or the same data dir).
 */
export function loadSm2Key(source: Sm2KeySource, opts: { create: boolean }): Sm2SigningKey | null {
  if (source.privateKey) return sm2KeyFromPrivate(source.privateKey, 'QINLIAN_SM2_PRIVATE_KEY');
  const file = sm2KeyFile(source.dataDir);
  if (!fs.existsSync(file)) {
    if (!opts.create) return null;
    writeSm2KeyFile(file, newSm2PrivateKey()); // another instance may have made it first: read theirs
  }
  return sm2KeyFromPrivate(fs.readFileSync(file, 'utf8'), file);
}

export function signHeadText(key: Sm2SigningKey, text: string): string {
  return sm2.doSignature(text, key.privateKey, { hash: true, publicKey: key.publicKey, userId: SM2_USER_ID });
}

/** True only for a well-formed signature of exactly this text by this public key; never throws. */
export function sm2SignatureHolds(publicKey: string, text: string, signature: string): boolean {
  const sig = signature.toLowerCase();
  if (!/^[0-9a-f]{128}$/.test(sig)) return false;
  const r = BigInt(`0x${sig.slice(0, 64)}`);
  const s = BigInt(`0x${sig.slice(64)}`);
  if (r < 1n || r >= SM2_N || s < 1n || s >= SM2_N) return false;
  try {
    return sm2.doVerifySignature(text, sig, publicKey, { hash: true, userId: SM2_USER_ID });
  } catch {
    return false; // a public key that is not a point on the curve
  }
}
