import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

type T = { notes: { id: number; body: string } };

function open(size?: number) {
  const sqlite = new SqliteDatabase(':memory:');
  const prepare = vi.spyOn(sqlite, 'prepare');
  const db = new Kysely<T>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, size) }),
    plugins: [new CamelCasePlugin()],
  });
  return { sqlite, prepare, db };
}

describe('prepared statements on SQLite', () => {
  let opened: ReturnType<typeof open> | undefined;
  afterEach(async () => {
    await opened?.db.destroy();
    opened = undefined;
  });

  it('prepares the same SQL once and still answers with the current rows', async () => {
    opened = open();
    const { db, prepare } = opened;
    await db.schema
      .createTable('notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('body', 'text')
      .execute();
    const byId = (id: number) => db.selectFrom('notes').select('body').where('id', '=', id).executeTakeFirst();
    const insert = (id: number, body: string) => db.insertInto('notes').values({ id, body }).execute();
    await insert(1, '督办');
    await insert(2, '销号');
    prepare.mockClear();

    expect(await byId(1)).toEqual({ body: '督办' });
    expect(await byId(2)).toEqual({ body: '销号' });
    await db.updateTable('notes').set({ body: '已销号' }).where('id', '=', 2).execute();
    expect(await byId(2)).toEqual({ body: '已销号' });
    expect(await byId(3)).toBeUndefined();
    const selects = prepare.mock.calls.filter(([text]) => text.startsWith('select'));
    expect(selects).toHaveLength(1);
  });

  it('keeps at most `size` statements, evicting the least recently used', async () => {
    opened = open(3);
    const { db, prepare } = opened;
    const constant = (n: number) => sql<{ n: number }>`select ${sql.lit(n)} as n`.execute(db);
    for (const n of [1, 2, 3]) await constant(n);
    await constant(1); // 1 is now the most recent: 2 is the oldest
    await constant(4); // evicts 2
    prepare.mockClear();
    await constant(1);
    await constant(3);
    await constant(4);
    expect(prepare).not.toHaveBeenCalled();
    expect((await constant(2)).rows).toEqual([{ n: 2 }]);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('streams with a cached statement while other queries wait their turn', async () => {
    opened = open();
    const { db } = opened;
    await db.schema
      .createTable('notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('body', 'text')
      .execute();
    await db
      .insertInto('notes')
      .values([1, 2, 3].map((id) => ({ id, body: `第${id}条` })))
      .execute();
    const all = db.selectFrom('notes').select('id').orderBy('id');
    const seen: number[] = [];
    const concurrent: Promise<{ id: number }[]>[] = [];
    for await (const row of all.stream()) {
      seen.push(row.id);
      concurrent.push(all.execute()); // the same SQL, queued behind the stream's connection lock
    }
    expect(seen).toEqual([1, 2, 3]);
    for (const rows of await Promise.all(concurrent)) expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
  });
});
