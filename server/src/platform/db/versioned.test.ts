import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabaseConfig } from '../../../test/harness.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import type { DepartmentsTable } from './schema.ts';
import { updateVersioned } from './versioned.ts';

const department = (id: string): DepartmentsTable => ({
  id,
  parentId: null,
  name: '纪委办公室',
  kind: 'office',
  sort: 0,
  path: `/${id}/`,
  depth: 0,
  archivedAt: null,
  version: 1,
  createdAt: '2026-03-02T01:00:00.000Z',
  updatedAt: '2026-03-02T01:00:00.000Z',
});

describe.each(ENGINES)('updateVersioned on %s', (engine) => {
  let database: Database;
  let dataDir: string;
  const read = (id: string) => database.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    const { dataDir: dir, ...config } = await freshDatabaseConfig(engine);
    dataDir = dir;
    database = openDatabase({ database: config as never });
    await migrateToLatest(database.db);
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the patch and moves the version on when the version still matches', async () => {
    await database.db.insertInto('departments').values(department('d-match')).execute();
    expect(await updateVersioned(database.db, 'departments', 'd-match', 1, { name: '综合科' })).toBe(true);
    expect(await read('d-match')).toMatchObject({ name: '综合科', version: 2, kind: 'office' });
  });

  it('changes nothing and answers false when the version moved on', async () => {
    await database.db.insertInto('departments').values(department('d-stale')).execute();
    expect(await updateVersioned(database.db, 'departments', 'd-stale', 1, { name: '第一次' })).toBe(true);
    expect(await updateVersioned(database.db, 'departments', 'd-stale', 1, { name: '第二次' })).toBe(false);
    expect(await read('d-stale')).toMatchObject({ name: '第一次', version: 2 });
  });

  it('answers false for a row that does not exist', async () => {
    expect(await updateVersioned(database.db, 'departments', 'd-missing', 1, { name: '无' })).toBe(false);
  });

  it('takes part in the caller’s transaction', async () => {
    await database.db.insertInto('departments').values(department('d-tx')).execute();
    await expect(
      database.db.transaction().execute(async (tx) => {
        expect(await updateVersioned(tx, 'departments', 'd-tx', 1, { name: '回滚' })).toBe(true);
        expect((await tx.selectFrom('departments').select('version').where('id', '=', 'd-tx').executeTakeFirstOrThrow()).version).toBe(2);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await read('d-tx')).toMatchObject({ name: '纪委办公室', version: 1 });
  });

  it('lets exactly one of two writers holding the same version win', async () => {
    await database.db.insertInto('departments').values(department('d-race')).execute();
    const writer = (name: string) => database.db.transaction().execute((tx) => updateVersioned(tx, 'departments', 'd-race', 1, { name }));
    const results = await Promise.all([writer('甲'), writer('乙')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const row = await read('d-race');
    expect(row.version).toBe(2);
    expect(row.name).toBe(results[0] ? '甲' : '乙');
  });

  it('is typed over the tables that carry a version', () => {
    // @ts-expect-error jobs has no optimistic version column
    const untyped = () => updateVersioned(database.db, 'jobs', 'j', 1, {});
    // @ts-expect-error the patch names columns of the table it updates
    const wrongColumn = () => updateVersioned(database.db, 'departments', 'd', 1, { title: 'x' });
    expect(typeof untyped).toBe('function');
    expect(typeof wrongColumn).toBe('function');
  });
});
