import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { systemCtx } from '../../bootstrap.ts';
import { inTransaction, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors.ts';
import { claimDocumentNumber, reserveDocumentNumber } from './index.ts';

/** 发文字号 on both engines: the sequence, numbers typed by hand, refusals that leave nothing behind. */
describe.each(ENGINES)('document numbers on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const inTx = <T>(fn: (tx: TxCtx) => Promise<T>) => inTransaction(systemCtx(t.db, t.clock), fn);
  const reserve = (prefix: string, year: number) => inTx((tx) => reserveDocumentNumber(tx, { prefix, year }));
  const claim = (number: string) => inTx((tx) => claimDocumentNumber(tx, { number, holder: { entityType: 'bulletin', entityId: 'b-1' } }));
  const refusal = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  };
  const numbersOf = async (prefix: string) =>
    (
      await t.db.db.selectFrom('documentNumbers').select('number').where('prefix', '=', prefix).orderBy('year').orderBy('seq').execute()
    ).map((r) => r.number);
  const auditCount = async () =>
    (
      await t.db.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('numbers each prefix and year from 1, one after another, and audits each with its write', async () => {
    const got = [
      await reserve('赣新勤廉', 2026),
      await reserve('赣新勤廉', 2026),
      await reserve('赣新勤廉', 2027),
      await reserve('赣新督', 2026),
      await reserve('赣新勤廉', 2026),
    ];
    expect(got.map((n) => n.number)).toEqual([
      '赣新勤廉〔2026〕1号',
      '赣新勤廉〔2026〕2号',
      '赣新勤廉〔2027〕1号',
      '赣新督〔2026〕1号',
      '赣新勤廉〔2026〕3号',
    ]);
    expect(got[4]).toMatchObject({ prefix: '赣新勤廉', year: 2026, seq: 3 });
    const event = await t.db.db.selectFrom('auditEvents').selectAll().where('entityId', '=', got[4]!.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'document_number.reserve', entityType: 'document_number' });
    expect(JSON.parse(event.afterJson!)).toMatchObject({ number: '赣新勤廉〔2026〕3号', typed: 0 });
  });

  it('gives concurrent reservations distinct numbers with no gap', async () => {
    const got = await Promise.all(Array.from({ length: 8 }, () => reserve('赣新并发', 2026)));
    expect(got.map((n) => n.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await numbersOf('赣新并发')).toHaveLength(8);
  });

  it('takes a number typed by hand in its canonical form, and the sequence passes over it', async () => {
    await reserve('赣新手工', 2026); // 1
    const typed = await claim(' 赣新手工[2026]第03号 ');
    expect(typed.number).toBe('赣新手工〔2026〕3号');
    expect([(await reserve('赣新手工', 2026)).seq, (await reserve('赣新手工', 2026)).seq]).toEqual([2, 4]);
    const row = await t.db.db.selectFrom('documentNumbers').selectAll().where('id', '=', typed.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ typed: 1, entityType: 'bulletin', entityId: 'b-1' });
  });

  it('refuses a number already given with a 409 in both languages, and writes nothing', async () => {
    await reserve('赣新重号', 2026);
    const before = await auditCount();
    const err = await refusal(claim('赣新重号〔2026〕1号'));
    expect([err.code, err.status, err.params]).toEqual(['document_number_taken', 409, { number: '赣新重号〔2026〕1号' }]);
    expect(errorMessage(err.code, 'zh-CN', err.params)).toBe('发文字号“赣新重号〔2026〕1号”已被使用，请换一个号，或留空由系统按顺序编号');
    expect(errorMessage(err.code, 'en-US', err.params)).toContain('is already in use');
    // typed twice by hand: the second is refused too
    await claim('赣新重号〔2026〕7号');
    expect((await refusal(claim('赣新重号（2026）7号'))).status).toBe(409);
    expect(await numbersOf('赣新重号')).toEqual(['赣新重号〔2026〕1号', '赣新重号〔2026〕7号']);
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses a number that is no 发文字号, or a prefix that could not make one, with a 400', async () => {
    const typed = await refusal(claim('勤廉2026-3'));
    expect([typed.code, typed.status]).toEqual(['document_number_invalid', 400]);
    expect(errorMessage(typed.code, 'zh-CN', typed.params)).toContain('格式不对，应为“机关代字〔年份〕序号号”');
    expect((await refusal(reserve('赣新〔', 2026))).code).toBe('document_number_invalid');
    expect((await refusal(reserve('赣新勤廉', 26))).code).toBe('document_number_invalid');
    expect(await t.db.db.selectFrom('documentNumberCounters').select('prefix').where('year', '=', 26).execute()).toEqual([]);
  });

  it('gives a number back when the caller’s write fails: nothing partial, and the next reservation gets it again', async () => {
    await reserve('赣新回滚', 2026); // 1
    const before = await auditCount();
    await expect(
      inTx(async (tx) => {
        await reserveDocumentNumber(tx, { prefix: '赣新回滚', year: 2026 }); // 2, then the bulletin fails
        throw new Error('the bulletin could not be written');
      }),
    ).rejects.toThrow('could not be written');
    expect(await numbersOf('赣新回滚')).toEqual(['赣新回滚〔2026〕1号']);
    expect(await auditCount()).toBe(before);
    expect((await reserve('赣新回滚', 2026)).seq).toBe(2);
  });

  it('lets only one of two concurrent hand-typed claims of one number through', async () => {
    const results = await Promise.allSettled([claim('赣新抢号〔2026〕5号'), claim('赣新抢号〔2026〕5号'), reserve('赣新抢号', 2026)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'document_number_taken', status: 409 });
    expect(await numbersOf('赣新抢号')).toEqual(['赣新抢号〔2026〕1号', '赣新抢号〔2026〕5号']);
  });

  it('queues a reservation behind a transaction that audited something else first, instead of deadlocking with it', async () => {
    const other = (tx: TxCtx) => recordAudit(tx, { action: 'bulletin.draft', entityType: 'bulletin', entityId: null });
    const got = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        inTx(async (tx) => {
          if (i % 2) await other(tx); // audits, then asks for a number
          const n = await reserveDocumentNumber(tx, { prefix: '赣新排队', year: 2026 });
          if (!(i % 2)) await other(tx); // asks for a number, then audits
          return n.seq;
        }),
      ),
    );
    expect(got.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
