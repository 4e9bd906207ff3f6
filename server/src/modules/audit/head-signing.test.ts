import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm2 } from 'sm-crypto-v2';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildSignedHead } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { rotateSigningKey, signChainHead, signingKeys, verifyHeadSignature } from './index.ts';

describe.each(ENGINES)('the SM2-signed audit head on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  const head = () => t.db.db.selectFrom('auditHead').select(['seq', 'hash']).executeTakeFirstOrThrow();
  const events = (action: string) => t.db.db.selectFrom('auditEvents').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('signs the head as it stands, publishes the key at its first signature, and any SM2 tool can check it', async () => {
    await buildDepartment(t);
    const signed = await signChainHead(systemCtx(t.db, t.clock));
    expect(signed).toMatchObject({ ...(await head()), algorithm: 'sm3', signedAt: '2026-03-02T01:00:00.000Z' });
    const text = `qinlian-audit-head:v1|${signed.seq}|${signed.hash}|${signed.signedAt}`;
    expect(sm2.doVerifySignature(text, signed.signature, signed.publicKey, { hash: true })).toBe(true);
    expect(await signingKeys(t.db.db)).toEqual([
      { id: signed.keyId, publicKey: signed.publicKey, algorithm: 'SM2-SM3', validFrom: signed.signedAt, validUntil: null },
    ]);
    // the key's publication is itself on the chain, before the head it signed
    const [added] = await events('audit.signing_key.add');
    expect(added).toMatchObject({ entityType: 'audit_signing_key', entityId: signed.keyId, seq: signed.seq });
    expect(await verifyHeadSignature(t.db.db, signed)).toMatchObject({ valid: true, problem: null });
    expect(await verifyHeadSignature(t.db.db, { ...signed, seq: signed.seq - 1 })).toMatchObject({ valid: false, problem: 'mismatch' });
    expect(
      await verifyHeadSignature(t.db.db, { ...signed, hash: signed.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
    ).toMatchObject({
      valid: false,
      problem: 'mismatch',
    });
    expect(await verifyHeadSignature(t.db.db, { ...signed, keyId: '0123456789abcdef' })).toMatchObject({
      valid: false,
      problem: 'unknown_key',
      key: null,
    });
  });

  it('inside a transaction signs that transaction’s head, its own events included', async () => {
    const before = await head();
    const inside = await inTransaction(systemCtx(t.db, t.clock), async (tx) => {
      await recordAudit(tx, { action: 'bulletin.publish', entityType: 'bulletin', entityId: 'b-1', after: { title: '第一季度通报' } });
      return signChainHead(tx);
    });
    expect(inside.seq).toBe(before.seq + 1);
    expect(inside).toMatchObject(await head());
  });

  it('keeps nothing — neither the event nor the key’s publication — when the publishing transaction rolls back', async () => {
    const own = await startTestApp(engine); // a database whose key has not signed yet
    try {
      const before = await own.db.db.selectFrom('auditHead').select(['seq', 'hash']).executeTakeFirstOrThrow();
      const publishing = inTransaction(systemCtx(own.db, own.clock), async (tx) => {
        await recordAudit(tx, { action: 'bulletin.publish', entityType: 'bulletin', entityId: 'b-2', after: {} });
        expect((await signChainHead(tx)).seq).toBe(before.seq + 2); // the event, then the key's publication
        throw new Error('the bulletin could not be stored');
      });
      await expect(publishing).rejects.toThrow('the bulletin could not be stored');
      expect(await own.db.db.selectFrom('auditHead').select(['seq', 'hash']).executeTakeFirstOrThrow()).toEqual(before);
      expect(await signingKeys(own.db.db)).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('rotates: old signatures still verify with the kept public key, new ones use the new key, and none is dated past retirement', async () => {
    const old = await buildSignedHead(t);
    const { key, retired } = await rotateSigningKey(systemCtx(t.db, t.clock));
    expect(retired).toEqual([old.keyId]);
    expect(key.id).not.toBe(old.keyId);

    t.clock.advance(60_000);
    const fresh = await buildSignedHead(t);
    expect(fresh).toMatchObject({ keyId: key.id, publicKey: key.publicKey });
    expect(await verifyHeadSignature(t.db.db, fresh)).toMatchObject({ valid: true, problem: null });
    expect(await verifyHeadSignature(t.db.db, old)).toMatchObject({ valid: true, problem: null, key: { id: old.keyId } });

    const keys = await signingKeys(t.db.db);
    expect(keys.map((k) => [k.id, k.validUntil === null])).toEqual([
      [key.id, true],
      [old.keyId, false],
    ]);
    // the retired key's signature over a later head: what a stolen old key could make
    const retiredAt = keys[1]!.validUntil!;
    const forged = { ...fresh, keyId: old.keyId, signedAt: new Date(Date.parse(retiredAt) + 1).toISOString() };
    const stolen = await t.db.db.selectFrom('auditSigningKeys').select('publicKey').where('id', '=', old.keyId).executeTakeFirstOrThrow();
    expect(stolen.publicKey).toBe(old.publicKey);
    expect(await verifyHeadSignature(t.db.db, forged)).toMatchObject({ valid: false, problem: 'after_retirement' });
    expect((await events('audit.signing_key.rotate')).map((e) => e.entityId)).toEqual([key.id]);
  });
});
