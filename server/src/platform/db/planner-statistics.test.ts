import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseConfig } from '../../../test/harness.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { refreshPlannerStatistics } from './planner-statistics.ts';

describe('planner statistics on SQLite', () => {
  let database: Database;
  let dataDir: string;
  beforeAll(async () => {
    const { dataDir: dir, ...config } = await freshDatabaseConfig('sqlite');
    dataDir = dir;
    database = openDatabase({ database: config as never });
    await migrateToLatest(database.db);
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const statsOf = async (table: string) =>
    (await sql<{ idx: string | null; stat: string }>`SELECT idx, stat FROM sqlite_stat1 WHERE tbl = ${table}`.execute(database.db)).rows;

  it('analyses a table that grew from nothing at start-up, and leaves the statistics in the file', async () => {
    const at = '2026-03-02T01:00:00.000Z';
    const rows = Array.from({ length: 2_000 }, (_, i) => ({
      id: `d${String(i).padStart(5, '0')}`,
      parentId: null,
      name: `部门${i}`,
      kind: 'department',
      sort: i,
      path: `/d${i}/`,
      depth: 0,
      archivedAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await database.db
        .insertInto('departments')
        .values(rows.slice(i, i + 200))
        .execute();
    const hasStatTable = async () =>
      (await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(database.db)).rows[0]!.n;
    if (await hasStatTable()) expect(await statsOf('departments')).toEqual([]);
    await refreshPlannerStatistics(database.db, 'sqlite', { atStartUp: true });
    const stats = await statsOf('departments');
    expect(stats.length).toBeGreaterThan(0);
    // the first number of each row is the table's row count as the planner now knows it
    expect(stats.map((s) => Number(s.stat.split(' ')[0]))).toContain(2_000);
    // nightly: nothing moved much since, so nothing is re-analysed and the numbers stay
    await refreshPlannerStatistics(database.db, 'sqlite', { atStartUp: false });
    expect(await statsOf('departments')).toEqual(stats);
  });
});
