import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { afterCommit, inTransaction, systemActor, type Ctx } from './context.ts';
import { fixedClock } from './clock.ts';
import type { DB } from './db/schema.ts';

describe('afterCommit', () => {
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
  const ctx: Ctx = { actor: systemActor, db, ip: '127.0.0.1', lang: 'zh-CN', clock: fixedClock(new Date()) };
  afterAll(() => db.destroy());

  it('runs once the outermost transaction has committed, once however often it was registered', async () => {
    const ran: string[] = [];
    const note = () => ran.push('after');
    await inTransaction(ctx, async (tx) => {
      afterCommit(tx.db, note);
      await inTransaction(tx, async (inner) => {
        afterCommit(inner.db, note);
      });
      ran.push('inside');
    });
    expect(ran).toEqual(['inside', 'after']);
  });

  it('never runs after a rollback', async () => {
    const ran: string[] = [];
    await expect(
      inTransaction(ctx, async (tx) => {
        afterCommit(tx.db, () => ran.push('after'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(ran).toEqual([]);
  });

  it('runs at once outside a transaction, and refuses a transaction it cannot see commit', async () => {
    const ran: string[] = [];
    afterCommit(db, () => ran.push('now'));
    expect(ran).toEqual(['now']);
    await expect(db.transaction().execute(async (tx) => afterCommit(tx, () => ran.push('never')))).rejects.toThrow(/inTransaction/);
  });
});
