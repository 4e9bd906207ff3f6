import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, testConfig } from '../test/harness.ts';
import { prepareDatabase, seedDemoWhenAsked } from './bootstrap.ts';

const departments = async (db: Awaited<ReturnType<typeof prepareDatabase>>) =>
  Number((await sql<{ n: number }>`select count(*) as n from departments`.execute(db.db)).rows[0]!.n);

describe.each(ENGINES)('start-up on %s', (engine) => {
  it('opens and migrates without replaying the demo, even when the demo is asked for; only seedDemoWhenAsked seeds', async () => {
    const config = await testConfig(engine, { seedDemo: true });
    const db = await prepareDatabase(config, () => {});
    try {
      expect(await departments(db)).toBe(0); // what every CLI command runs: no demo
      await seedDemoWhenAsked(db, { ...config, seedDemo: false }, () => {});
      expect(await departments(db)).toBe(0);
      if (engine === 'sqlite') {
        // the whole demo (organisation and campaign) is slow on the PostgreSQL of the tests; seeding itself is seed/*.test.ts
        await seedDemoWhenAsked(db, config, () => {});
        expect(await departments(db)).toBeGreaterThan(30);
      }
    } finally {
      await db.close();
    }
  }, 120_000);
});
