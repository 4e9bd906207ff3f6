import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabaseConfig } from '../../../test/harness.ts';
import { recordAudit } from '../audit/audit.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { fixedClock } from '../clock.ts';
import { afterCommit, systemActor, type Ctx, type TxCtx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { openDatabase, type Database } from './database.ts';
import { groupCommitStats, inGroupCommit } from './group-commit.ts';
import { migrateToLatest } from './migrate.ts';

const at = '2026-03-02T01:00:00.000Z';

describe.each(ENGINES)('inGroupCommit on %s', (engine) => {
  let database: Database;
  let dataDir: string;
  let ctx: Ctx;

  beforeAll(async () => {
    const { dataDir: dir, ...config } = await freshDatabaseConfig(engine);
    dataDir = dir;
    database = openDatabase({ database: config as never });
    await migrateToLatest(database.db);
    ctx = { actor: systemActor, db: database.db, ip: '127.0.0.1', lang: 'zh-CN', clock: fixedClock(new Date(at)) };
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** one department row and its audit record, the shape of any audited write */
  const addDepartment = async (tx: TxCtx, id: string) => {
    await tx.db
      .insertInto('departments')
      .values({
        id,
        parentId: null,
        name: `部门${id}`,
        kind: 'office',
        sort: 0,
        path: `/${id}/`,
        depth: 0,
        archivedAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    await recordAudit(tx, { action: 'department.create', entityType: 'department', entityId: id, after: { id } });
    return id;
  };
  const departmentIds = async (prefix: string) =>
    (await database.db.selectFrom('departments').select('id').where('id', 'like', `${prefix}%`).orderBy('id').execute()).map((r) => r.id);
  const auditedIds = async (prefix: string) =>
    (await database.db.selectFrom('auditEvents').select('entityId').where('entityId', 'like', `${prefix}%`).execute()).map(
      (r) => r.entityId,
    );

  it('lets writes that arrive together share transactions, and answers each with its own result', async () => {
    const before = groupCommitStats(database.db);
    const ids = Array.from({ length: 60 }, (_, i) => `gc-a-${String(i).padStart(2, '0')}`);
    const answers = await Promise.all(ids.map((id) => inGroupCommit(ctx, (tx) => addDepartment(tx, id))));
    expect(answers).toEqual(ids);
    expect(await departmentIds('gc-a-')).toEqual(ids);
    const after = groupCommitStats(database.db);
    expect(after.requests - before.requests).toBe(60);
    // the first opens a transaction at once; the 59 queued behind it share the next
    expect(after.groups - before.groups).toBeLessThan(10);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('rolls back only the request whose own checks fail: its row, its audit record and its after-commit hooks', async () => {
    const hooks: string[] = [];
    const attempt = (i: number) =>
      inGroupCommit(ctx, async (tx) => {
        const id = await addDepartment(tx, `gc-b-${i}`);
        afterCommit(tx.db, () => hooks.push(id));
        if (i % 3 === 0) throw new DomainError('validation_failed', 400);
        return id;
      });
    const settled = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => attempt(i)));
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(refused).toHaveLength(4);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    const kept = ['gc-b-1', 'gc-b-10', 'gc-b-11', 'gc-b-2', 'gc-b-4', 'gc-b-5', 'gc-b-7', 'gc-b-8'];
    expect(await departmentIds('gc-b-')).toEqual(kept);
    expect((await auditedIds('gc-b-')).sort()).toEqual(kept);
    expect(hooks.sort()).toEqual(kept);
    // the chain has no gap where the refused requests' events were taken back
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('joins the caller’s transaction when it already has one', async () => {
    await database.db.transaction().execute(async (db) => {
      const tx = { ...ctx, db };
      await inGroupCommit(tx, (inner) => {
        expect(inner.db).toBe(db);
        return addDepartment(inner, 'gc-c-1');
      });
    });
    expect(await departmentIds('gc-c-')).toEqual(['gc-c-1']);
  });

  it.runIf(engine === 'sqlite')('acknowledges none of a group whose commit fails', async () => {
    // requests made in the same turn of the event loop share one transaction
    // a foreign key checked only at COMMIT (SQLite's deferred check) makes that one commit fail
    const orphan = inGroupCommit(ctx, async (tx) => {
      await sql`PRAGMA defer_foreign_keys = ON`.execute(tx.db);
      await tx.db
        .insertInto('departments')
        .values({
          id: 'gc-d-0',
          parentId: 'no-such',
          name: '孤儿',
          kind: 'office',
          sort: 0,
          path: '/x/',
          depth: 1,
          archivedAt: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
    });
    const others = [1, 2, 3].map((i) => inGroupCommit(ctx, (tx) => addDepartment(tx, `gc-d-${i}`)));
    const settled = await Promise.allSettled([orphan, ...others]);
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    expect(await departmentIds('gc-d-')).toEqual([]);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    // and the committer goes on with the next group
    await expect(inGroupCommit(ctx, (tx) => addDepartment(tx, 'gc-e-1'))).resolves.toBe('gc-e-1');
  });
});
