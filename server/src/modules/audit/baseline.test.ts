import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, testConfig } from '../../../test/harness.ts';
import type { Config } from '../../platform/config.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { prepareDatabase, systemCtx } from '../../bootstrap.ts';
import { ensureBuiltinRoles } from '../identity/index.ts';
import { createDepartment, createPerson } from '../org/index.ts';
import { verifyAuditRecords } from '../../platform/audit/verify-records.ts';
import { RECORDS_BASELINE_ACTION, scanIds } from '../../platform/audit/records.ts';
import { FIRST_BASELINE_TABLES, RECORD_TABLES } from '../../platform/audit/record-specs.ts';
import { BASELINE_TABLES_ENTITY, prepareAuditTrail } from '../../platform/audit/baseline.ts';
import { bindAuditTrail } from '../../platform/audit/trail.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import { recordWhereabouts } from '../whereabouts/index.ts';

/**
 * A database from before sealing: its audit rows have no seals and no MACs, its business rows no
 * seal at all. The first start of this version seals them once (trusting them as they stand), and
 * from then on `verify --records` holds them; a second baseline, after the mark was cleared to
 * launder an edit, is itself reported.
 */
describe.each(ENGINES)('the records baseline of an older database on %s', (engine) => {
  let config: Config;
  let database: Database | null = null;
  afterEach(async () => {
    await database?.close();
    database = null;
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  });

  async function olderDatabase() {
    config = await testConfig(engine);
    const older = openDatabase(config); // not bound to an audit trail: writes as the previous version did
    try {
      await migrateToLatest(older.db);
      const ctx = systemCtx(older);
      await ensureBuiltinRoles(ctx);
      const root = await createDepartment(ctx, { name: '旧库新区', kind: 'committee', parentId: null });
      const dept = await createDepartment(ctx, { name: '旧库部门', kind: 'department', parentId: root.id });
      await createPerson(ctx, { name: '旧库人员', departmentId: dept.id, status: 'active' });
      return dept;
    } finally {
      await older.close();
    }
  }

  it('seals the existing rows once at the first start, and they verify', async () => {
    await olderDatabase();
    const log: string[] = [];
    database = await prepareDatabase(config, (line) => log.push(line));
    expect(log.join('\n')).toMatch(/sealed \d+ existing business rows \(baseline\)/);
    const events = await database.db.selectFrom('auditEvents').select(['action', 'mac', 'seals']).orderBy('seq').execute();
    const firstBaseline = events.findIndex((e) => e.action === RECORDS_BASELINE_ACTION);
    expect(firstBaseline).toBeGreaterThan(0);
    expect(events.slice(0, firstBaseline).every((e) => e.mac === null && e.seals === null)).toBe(true);
    expect(events.slice(firstBaseline).every((e) => e.mac !== null)).toBe(true);

    const check = await verifyAuditRecords(database.db);
    expect(check.chain).toMatchObject({ ok: true, macsChecked: events.length - firstBaseline });
    expect(check.records).toMatchObject({ ok: true, problems: [], rebaselinedAt: null });

    // a second start takes no second baseline
    await prepareAuditTrail(systemCtx(database), config, (line) => log.push(line));
    expect(await database.db.selectFrom('auditEvents').select('seq').where('action', '=', RECORDS_BASELINE_ACTION).execute()).toHaveLength(
      events.filter((e) => e.action === RECORDS_BASELINE_ACTION).length,
    );
  });

  /**
   * A database the previous version sealed: its baseline covered the six tables it knew (no event
   * naming them), its writes sealed those since; whereabouts were written unsealed meanwhile.
   */
  async function sealedBeforeOfficeRules() {
    const dept = await olderDatabase();
    const older = openDatabase(config);
    try {
      const ctx = systemCtx(older);
      const person = await createPerson(ctx, { name: '出差人员', departmentId: dept.id, status: 'active' });
      await recordWhereabouts(ctx, person.row.id, { state: 'trip', place: '北京' });
      bindAuditTrail(older.db, config);
      await inTransaction(ctx, async (tx) => {
        await tx.db
          .updateTable('auditHead')
          .set((eb) => ({ recordsSealedFrom: eb('seq', '+', 1) }))
          .where('id', '=', 1)
          .execute();
        for (const table of FIRST_BASELINE_TABLES) {
          const ids = await scanIds(tx.db, table, null, 500);
          if (ids.length) {
            const seal = ids.map((id) => ({ table, id }));
            await recordAudit(tx, { action: RECORDS_BASELINE_ACTION, entityType: 'audit', entityId: null, after: { table }, seal });
          }
        }
      });
      await createDepartment(ctx, { name: '封印后新设部门', kind: 'department', parentId: dept.parentId }); // sealing has begun
      return person.row.id;
    } finally {
      await older.close();
    }
  }

  it('seals the tables added since (the office rules) once, at the first start that knows them, and no others again', async () => {
    const personId = await sealedBeforeOfficeRules();
    const log: string[] = [];
    database = await prepareDatabase(config, (line) => log.push(line));
    expect(log.join('\n')).toMatch(/sealed \d+ existing business rows \(baseline\)/);
    const closing = await database.db
      .selectFrom('auditEvents')
      .select('afterJson')
      .where('entityType', '=', 'audit')
      .where('entityId', '=', BASELINE_TABLES_ENTITY)
      .execute();
    expect(closing.map((c) => JSON.parse(c.afterJson!).tables)).toEqual([RECORD_TABLES.filter((x) => !FIRST_BASELINE_TABLES.includes(x))]);
    const check = await verifyAuditRecords(database.db);
    expect(check.records).toMatchObject({ ok: true, problems: [], rebaselinedAt: null });

    const baselines = async () =>
      (await database!.db.selectFrom('auditEvents').select('seq').where('action', '=', RECORDS_BASELINE_ACTION).execute()).length;
    const before = await baselines();
    await prepareAuditTrail(systemCtx(database), config, () => {});
    expect(await baselines()).toBe(before); // a second start takes none
    // from now on the whereabouts row is held to its seal
    await database.db.updateTable('whereabouts').set({ state: 'in_office' }).where('personId', '=', personId).execute();
    expect((await verifyAuditRecords(database.db)).records!.problems).toEqual([
      { table: 'whereabouts', id: personId, kind: 'changed', columns: ['state'], seq: expect.any(Number) },
    ]);
  });

  it('reports a baseline taken again after sealing began (the mark cleared to launder an edit)', async () => {
    const dept = await olderDatabase();
    database = await prepareDatabase(config, () => {});
    await database.db.updateTable('departments').set({ name: '被篡改后再封印' }).where('id', '=', dept.id).execute();
    await database.db.updateTable('auditHead').set({ recordsSealedFrom: null }).where('id', '=', 1).execute();
    await prepareAuditTrail(systemCtx(database), config, () => {});
    const check = await verifyAuditRecords(database.db);
    expect(check.chain.ok).toBe(true);
    const relaundered = await database.db
      .selectFrom('auditEvents')
      .select('seq')
      .where('action', '=', RECORDS_BASELINE_ACTION)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(check.records).toMatchObject({ ok: false, rebaselinedAt: expect.any(Number) });
    expect(check.records!.rebaselinedAt).toBeLessThanOrEqual(relaundered.seq);
  });
});
