import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sm2, sm3 } from 'sm-crypto-v2';
import {
  headSignatureText,
  loadSm2Key,
  newSm2PrivateKey,
  signHeadText,
  sm2KeyFile,
  sm2KeyFromPrivate,
  sm2SignatureHolds,
  SM2_USER_ID,
} from './sm2.ts';
import { loadConfig } from '../config.ts';
import { auditTrailFor } from './trail.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-sm2-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const head = { seq: 1024, hash: sm3('a row of the chain'), signedAt: '2026-03-02T01:00:00.000Z' };

describe('SM2 signatures over the audit head', () => {
  it('covers the canonical text of the head, which anyone can rebuild from a printed bulletin', () => {
    expect(headSignatureText({ ...head, hash: head.hash.toUpperCase() })).toBe(
      `qinlian-audit-head:v1|1024|${head.hash}|2026-03-02T01:00:00.000Z`,
    );
  });

  it('signs so that sm-crypto-v2’s own verification (SM3 digest, default user id) accepts it, and a changed text does not', () => {
    const key = sm2KeyFromPrivate(newSm2PrivateKey(), 'test');
    const text = headSignatureText(head);
    const signature = signHeadText(key, text);
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    expect(sm2.doVerifySignature(text, signature, key.publicKey, { hash: true, userId: '1234567812345678' })).toBe(true);
    expect(SM2_USER_ID).toBe('1234567812345678');
    expect(sm2SignatureHolds(key.publicKey, text, signature)).toBe(true);
    expect(sm2SignatureHolds(key.publicKey, text, signature.toUpperCase())).toBe(true);

    const tampered = headSignatureText({ ...head, seq: 1025 });
    expect(sm2.doVerifySignature(tampered, signature, key.publicKey, { hash: true })).toBe(false);
    expect(sm2SignatureHolds(key.publicKey, tampered, signature)).toBe(false);
    expect(sm2SignatureHolds(key.publicKey, headSignatureText({ ...head, signedAt: '2026-03-02T01:00:00.001Z' }), signature)).toBe(false);
  });

  it('accepts a signature made by sm-crypto-v2 directly, and only by the key that made it', () => {
    const pair = sm2.generateKeyPairHex();
    const text = headSignatureText(head);
    const signature = sm2.doSignature(text, pair.privateKey, { hash: true });
    expect(sm2SignatureHolds(pair.publicKey, text, signature)).toBe(true);
    const other = sm2KeyFromPrivate(newSm2PrivateKey(), 'test');
    expect(sm2SignatureHolds(other.publicKey, text, signature)).toBe(false);
  });

  it('answers false, never throws, for signatures and keys that are not well formed', () => {
    const key = sm2KeyFromPrivate(newSm2PrivateKey(), 'test');
    const text = headSignatureText(head);
    const good = signHeadText(key, text);
    expect(sm2SignatureHolds(key.publicKey, text, 'zz'.repeat(64))).toBe(false);
    expect(sm2SignatureHolds(key.publicKey, text, good.slice(2))).toBe(false);
    expect(sm2SignatureHolds(key.publicKey, text, '0'.repeat(128))).toBe(false); // r = s = 0
    expect(sm2SignatureHolds(key.publicKey, text, 'f'.repeat(128))).toBe(false); // r, s ≥ n
    expect(sm2SignatureHolds(`04${'00'.repeat(64)}`, text, good)).toBe(false); // not a point on the curve
  });

  it('names a key by SM3 over its public key, and refuses a private key out of range', () => {
    const privateKey = newSm2PrivateKey();
    const key = sm2KeyFromPrivate(` ${privateKey.toUpperCase()}\n`, 'test');
    expect(key.privateKey).toBe(privateKey);
    expect(key.publicKey).toBe(sm2.getPublicKeyFromPrivateKey(privateKey));
    expect(key.id).toBe(sm3(sm2.hexToArray(key.publicKey)).slice(0, 16));
    expect(() => sm2KeyFromPrivate('0'.repeat(64), 'QINLIAN_SM2_PRIVATE_KEY')).toThrow(/QINLIAN_SM2_PRIVATE_KEY/);
    expect(() => sm2KeyFromPrivate('not a key', 'x')).toThrow(/64 hex digits/);
  });
});

describe('the signing key from config or the data directory', () => {
  it('is made once in the data directory (0600) on first start, read back the same, and never made when verifying', () => {
    const dataDir = tempDir();
    expect(loadSm2Key({ dataDir, privateKey: undefined }, { create: false })).toBeNull();
    expect(fs.existsSync(sm2KeyFile(dataDir))).toBe(false);
    const made = loadSm2Key({ dataDir, privateKey: undefined }, { create: true })!;
    expect(fs.statSync(sm2KeyFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(loadSm2Key({ dataDir, privateKey: undefined }, { create: true })).toEqual(made);
    expect(loadSm2Key({ dataDir, privateKey: undefined }, { create: false })?.id).toBe(made.id);
  });

  it('prefers QINLIAN_SM2_PRIVATE_KEY and then writes no file', () => {
    const dataDir = tempDir();
    const privateKey = newSm2PrivateKey();
    const key = loadSm2Key({ dataDir, privateKey }, { create: true })!;
    expect(key).toMatchObject({ privateKey, source: 'QINLIAN_SM2_PRIVATE_KEY' });
    expect(fs.existsSync(sm2KeyFile(dataDir))).toBe(false);
  });

  it('takes QINLIAN_SM2_PRIVATE_KEY from the environment only as 64 hex digits, naming the variable otherwise', () => {
    const privateKey = newSm2PrivateKey();
    expect(loadConfig({ QINLIAN_SM2_PRIVATE_KEY: privateKey }).audit.sm2PrivateKey).toBe(privateKey);
    expect(loadConfig({}).audit.sm2PrivateKey).toBeUndefined();
    expect(() => loadConfig({ QINLIAN_SM2_PRIVATE_KEY: '<script>' })).toThrow(/QINLIAN_SM2_PRIVATE_KEY: must be 64 hex digits/);
  });

  it('is made with the audit trail on first start, not when a command only verifies', () => {
    const dataDir = tempDir();
    const config = { dataDir, audit: loadConfig({}).audit };
    expect(auditTrailFor(config, { create: false }).signing).toEqual({ dataDir, privateKey: undefined });
    expect(fs.existsSync(sm2KeyFile(dataDir))).toBe(false);
    auditTrailFor(config, { create: true });
    expect(fs.existsSync(sm2KeyFile(dataDir))).toBe(true);
  });
});
