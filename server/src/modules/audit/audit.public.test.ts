import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { AuditCheckpointCheck, AuditSigningKeys } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildSignedHead } from '../../../test/factories.ts';
import { loadConfig } from '../../platform/config.ts';

let callers = 0;
/** a reader of their own: an address and a device id no other request here uses, so rate limits do not spill */
const caller = () => {
  const n = ++callers;
  return { remoteAddress: `10.16.${Math.floor(n / 250)}.${(n % 250) + 1}`, headers: { 'x-device-id': `bulletin-reader-${n}-xxxxxxxx` } };
};
const PER_DEVICE = 5;

type Head = Awaited<ReturnType<typeof buildSignedHead>>;
const signatureOf = (h: Head) => ({ signature: h.signature, keyId: h.keyId, signedAt: h.signedAt });

describe.each(ENGINES)('public bulletin check (/api/public/audit) on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, { publicApi: { ...loadConfig({}).publicApi, perDevice: PER_DEVICE } });
  });
  afterAll(() => t.close());

  const check = async (query: Record<string, string | number>, who = caller(), lang = 'zh-CN') => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    return t.app.inject({
      method: 'GET',
      url: `/api/public/audit/checkpoint?${qs}`,
      ...who,
      headers: { ...who.headers, 'accept-language': lang },
    });
  };
  const answer = async (query: Record<string, string | number>) => {
    const res = await check(query);
    expect(res.statusCode, res.body).toBe(200);
    return AuditCheckpointCheck.parse(res.json());
  };

  it('confirms a printed head that today’s chain still holds, with its SM2 signature, as the head moves on', async () => {
    const printed = await buildSignedHead(t);
    await buildDepartment(t); // the chain grows after the bulletin went out
    const head = await t.db.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow();
    const got = await answer({ seq: printed.seq, hash: printed.hash.toUpperCase(), ...signatureOf(printed) });
    expect(got).toMatchObject({
      seq: printed.seq,
      hash: printed.hash,
      verdict: 'confirmed',
      contained: true,
      headSeq: head.seq,
      verifiedThrough: head.seq,
      complete: true,
      firstBadSeq: null,
      signature: { valid: true, problem: null, keyId: printed.keyId, key: { id: printed.keyId, publicKey: printed.publicKey } },
    });
  });

  it('says a head the chain does not have is not there, and a changed hash or signature does not hold', async () => {
    const printed = await buildSignedHead(t);
    expect(await answer({ seq: printed.seq + 1000, hash: printed.hash })).toMatchObject({
      verdict: 'not_found',
      contained: false,
      signature: null,
    });
    const otherHash = printed.hash.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect(await answer({ seq: printed.seq, hash: otherHash })).toMatchObject({ verdict: 'altered', contained: false });
    const forged = `${printed.signature.slice(0, 127)}${printed.signature.endsWith('0') ? '1' : '0'}`;
    expect((await answer({ seq: printed.seq, hash: printed.hash, ...signatureOf(printed), signature: forged })).signature).toMatchObject({
      valid: false,
      problem: 'mismatch',
    });
    expect(
      (await answer({ seq: printed.seq, hash: printed.hash, ...signatureOf(printed), keyId: 'ffffffffffffffff' })).signature,
    ).toMatchObject({ valid: false, problem: 'unknown_key', key: null });
  });

  it('refuses input that is not what a bulletin prints — words, markup, SQL, a short hash — naming the field in the reader’s language', async () => {
    const printed = await buildSignedHead(t);
    const refused = async (query: Record<string, string | number>, field: string, lang = 'zh-CN') => {
      const res = await check(query, caller(), lang);
      expect(res.statusCode, res.body).toBe(400);
      const { error } = res.json() as { error: { code: string; message: string; fields: { path: string; message: string }[] } };
      expect(error.code).toBe('validation_failed');
      return error.fields.find((f) => f.path === field)?.message;
    };
    expect(await refused({ seq: 'abc', hash: printed.hash }, 'seq')).toBe('序号应为公告上印的正整数，如 1024');
    expect(await refused({ seq: 'abc', hash: printed.hash }, 'seq', 'en-US')).toBe(
      'The sequence number is the whole number printed on the bulletin, e.g. 1024',
    );
    expect(await refused({ seq: '<script>alert(1)</script>', hash: printed.hash }, 'seq')).toMatch(/正整数/);
    expect(await refused({ seq: "1' OR '1'='1", hash: printed.hash }, 'seq')).toMatch(/正整数/);
    expect(await refused({ seq: '1e3', hash: printed.hash }, 'seq')).toMatch(/正整数/);
    expect(await refused({ seq: printed.seq, hash: printed.hash.slice(0, 63) }, 'hash')).toBe(
      '哈希值应为 64 位十六进制字符（0–9、a–f），请照公告逐字填写',
    );
    expect(await refused({ seq: printed.seq, hash: `${printed.hash.slice(0, 60)}'--;` }, 'hash')).toMatch(/64 位十六进制/);
    expect(await refused({ seq: printed.seq, hash: '<img src=x onerror=alert(1)>' }, 'hash')).toMatch(/64 位十六进制/);
    expect(await refused({ seq: printed.seq, hash: printed.hash, signature: printed.signature }, 'keyId')).toBe(
      '核对签名须同时填写签名值、密钥编号和签名时间',
    );
    expect(await refused({ seq: printed.seq, hash: printed.hash, ...signatureOf(printed), signedAt: '2026年3月2日' }, 'signedAt')).toMatch(
      /签名时间/,
    );
    const tooLong = await check({ seq: '1'.repeat(40), hash: printed.hash });
    expect(tooLong.statusCode).toBe(400);
    expect((await check({ hash: printed.hash })).statusCode).toBe(400);
  });

  it('lists the area’s public keys, the current one open', async () => {
    const printed = await buildSignedHead(t);
    const res = await t.app.inject({ method: 'GET', url: '/api/public/audit/keys', ...caller() });
    expect(res.statusCode).toBe(200);
    expect(AuditSigningKeys.parse(res.json()).items).toEqual([
      expect.objectContaining({ id: printed.keyId, publicKey: printed.publicKey, algorithm: 'SM2-SM3', validUntil: null }),
    ]);
  });

  it('is rate limited per device like every public route', async () => {
    const printed = await buildSignedHead(t);
    const reader = caller();
    const statuses = [];
    for (let i = 0; i <= PER_DEVICE; i++) statuses.push((await check({ seq: printed.seq, hash: printed.hash }, reader)).statusCode);
    expect(statuses).toEqual([...Array<number>(PER_DEVICE).fill(200), 429]);
  });
});

describe.each(ENGINES)('public bulletin check after tampering on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine); // a database of its own: it gets tampered with
  });
  afterAll(() => t.close());

  const check = async (seq: number, hash: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/audit/checkpoint?seq=${seq}&hash=${hash}`, ...caller() });
    return AuditCheckpointCheck.parse(res.json());
  };
  const alter = (seq: number) =>
    sql`update audit_events set actor_name = ${'改过的人'} where seq = ${seq}`
      .execute(t.db.db)
      .then((r) => expect(r.numAffectedRows).toBe(1n));

  it('names a row altered after the bulletin; rows already walked are walked again within the hour, not per request', async () => {
    const printed = await buildSignedHead(t);
    expect(await check(printed.seq, printed.hash)).toMatchObject({ verdict: 'confirmed', verifiedThrough: printed.seq });

    const earlier = printed.seq - 1;
    await alter(earlier); // below the walk's mark (the mark's own row untouched): a request does not re-hash what was walked …
    expect((await check(printed.seq, printed.hash)).verdict).toBe('confirmed');

    await buildDepartment(t);
    await buildDepartment(t);
    const afterIt = printed.seq + 1;
    await alter(afterIt); // … but rows past the mark are walked at the next check
    expect(await check(printed.seq, printed.hash)).toMatchObject({
      verdict: 'broken',
      contained: true,
      firstBadSeq: afterIt,
      verifiedThrough: printed.seq,
      complete: true,
    });

    const head = await t.db.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow();
    t.clock.advance(61 * 60_000); // and the hourly walk from the first row finds the earlier one
    try {
      expect(await check(printed.seq, printed.hash)).toMatchObject({ verdict: 'broken', firstBadSeq: earlier, headSeq: head.seq });
    } finally {
      t.clock.advance(-61 * 60_000);
    }
  });
});
