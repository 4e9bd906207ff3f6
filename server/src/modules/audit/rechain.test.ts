import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment } from '../../../test/factories.ts';
import { runCli } from '../../../test/cli.ts';
import { systemCtx } from '../../bootstrap.ts';
import { takeCheckpoint } from './index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { chainHash } from '../../platform/audit/audit.ts';
import { rowMac, type AuditKey } from '../../platform/audit/key.ts';
import { auditTrailOf, type AuditTrail } from '../../platform/audit/trail.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import { verifyAuditRecords } from '../../platform/audit/verify-records.ts';

const cliEnv = (t: TestApp) => ({
  QINLIAN_DATA_DIR: t.config.dataDir,
  DATABASE_URL: t.config.database.engine === 'postgres' ? t.config.database.url : `sqlite:${t.config.database.file}`,
});

/**
 * What an attacker with write access to the database does to hide an edit: recompute every hash
 * from the edited row on, so that every link holds again, and move the head. `mac` says what they
 * can do about the MACs: keep the old ones (no key), drop them all, or make new ones (key stolen).
 */
async function rechain(db: Executor, fromSeq: number, mac: 'keep' | 'strip' | { key: AuditKey }) {
  const rows = await db
    .selectFrom('auditEvents')
    .selectAll()
    .where('seq', '>=', fromSeq - 1)
    .orderBy('seq')
    .execute();
  let prevHash = rows[0]!.seq === fromSeq - 1 ? rows[0]!.hash : '';
  for (const row of rows.filter((r) => r.seq >= fromSeq)) {
    const hash = chainHash(row.algorithm, { ...row, prevHash });
    const next = mac === 'keep' ? row.mac : mac === 'strip' ? null : rowMac(mac.key, row.algorithm, hash);
    await db.updateTable('auditEvents').set({ prevHash, hash, mac: next }).where('seq', '=', row.seq).execute();
    prevHash = hash;
  }
  if (mac === 'strip' && fromSeq > 1) await db.updateTable('auditEvents').set({ mac: null }).where('seq', '<', fromSeq).execute();
  await db.updateTable('auditHead').set({ hash: prevHash }).where('id', '=', 1).execute();
}

describe.each(ENGINES)('the keyed chain and its checkpoints on %s', (engine) => {
  let t: TestApp;
  let trail: AuditTrail;
  beforeEach(async () => {
    t = await startTestApp(engine);
    trail = auditTrailOf(t.db.db)!;
    for (let i = 0; i < 4; i++) await buildDepartment(t, { name: `链测试部门${i}` });
  });
  afterEach(async () => {
    await t.close();
  });

  const rows = () => t.db.db.selectFrom('auditEvents').selectAll().orderBy('seq').execute();
  const checkpoint = () => takeCheckpoint(systemCtx(t.db, t.clock), trail, 'cli');
  const editAfterImage = async (seq: number) =>
    t.db.db.updateTable('auditEvents').set({ afterJson: '{"name":"篡改"}' }).where('seq', '=', seq).execute();

  it('keys every row: MACs under the audit key, outside the database (0600 file)', async () => {
    const all = await rows();
    expect(all.every((r) => r.mac?.startsWith(`${trail.key!.id}:`))).toBe(true);
    expect(fs.statSync(trail.key!.source).mode & 0o777).toBe(0o600);
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: true, macsChecked: all.length });
  });

  it('catches a row edited and every later hash recomputed by someone without the key (MAC)', async () => {
    const target = (await rows())[3]!;
    await editAfterImage(target.seq);
    await rechain(t.db.db, target.seq, 'keep');
    expect(await verifyAuditChain(t.db.db)).toMatchObject({
      ok: false,
      firstBadSeq: target.seq,
      reason: expect.stringMatching(/MAC does not match/),
    });
    const cli = await runCli(['audit', 'verify'], cliEnv(t));
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`broken at row ${target.seq}`);
  });

  it('catches a re-chained row that dropped its MAC, and a chain stripped of every MAC by its checkpoint', async () => {
    const target = (await rows())[3]!;
    await checkpoint();
    await editAfterImage(target.seq);
    await rechain(t.db.db, target.seq, 'strip');
    const stripped = await verifyAuditChain(t.db.db);
    expect(stripped).toMatchObject({ ok: false, reason: expect.stringMatching(/no longer matches the checkpoint/) });
    expect(stripped.firstBadSeq).toBeGreaterThanOrEqual(target.seq);
  });

  it('catches re-chaining with the stolen key by the checkpoint file, even with the database checkpoints removed', async () => {
    const target = (await rows())[2]!;
    const taken = await checkpoint();
    expect(taken.kind).toBe('taken');
    expect(fs.readFileSync(trail.checkpointFile, 'utf8').trim().split('\n')).toHaveLength(1);
    await buildDepartment(t, { name: '检查点之后' }); // the chain moves on past the checkpoint
    await editAfterImage(target.seq);
    await rechain(t.db.db, target.seq, { key: trail.key! });
    await t.db.db.deleteFrom('auditCheckpoints').execute();
    const result = await verifyAuditChain(t.db.db);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/chain at row \d+ no longer matches the checkpoint/) });
    expect(result.macsChecked).toBe(result.checked); // every MAC holds: only the checkpoint can tell
    const cli = await runCli(['audit', 'verify'], cliEnv(t));
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('no longer matches the checkpoint');
  });

  it('catches the last rows deleted and the head reset, by an earlier checkpoint', async () => {
    await checkpoint();
    const all = await rows();
    const keep = all.at(-4)!;
    await t.db.db.deleteFrom('auditEvents').where('seq', '>', keep.seq).execute();
    await t.db.db.updateTable('auditHead').set({ seq: keep.seq, hash: keep.hash }).where('id', '=', 1).execute();
    expect(await verifyAuditChain(t.db.db)).toMatchObject({
      ok: false,
      firstBadSeq: keep.seq + 1,
      reason: `checkpoint of row ${all.at(-1)!.seq} signed at ${(await t.db.db.selectFrom('auditCheckpoints').select('at').executeTakeFirstOrThrow()).at} covers row ${all.at(-1)!.seq}, but the chain ends at row ${keep.seq} (rows removed from the end and the head reset)`,
    });
    const cli = await runCli(['audit', 'verify'], cliEnv(t));
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('rows removed from the end and the head reset');
  });

  it('cut after the last checkpoint, the chain alone cannot tell — the business rows still can', async () => {
    await checkpoint();
    const dept = await buildDepartment(t, { name: '将被改名的部门' });
    const before = (await rows()).at(-1)!;
    const renamed = await t.admin.request({ method: 'PATCH', url: `/api/departments/${dept.id}`, payload: { name: '改名之后' } });
    expect(renamed.statusCode).toBe(200);
    // the rename's event is cut off and the head put back: links, MACs and checkpoints all hold
    await t.db.db.deleteFrom('auditEvents').where('seq', '>', before.seq).execute();
    await t.db.db.updateTable('auditHead').set({ seq: before.seq, hash: before.hash }).where('id', '=', 1).execute();
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: true });
    const check = await verifyAuditRecords(t.db.db);
    expect(check.records?.problems).toEqual([
      {
        table: 'departments',
        id: dept.id,
        kind: 'changed',
        columns: ['name', 'version'] /* the test clock stands still: updatedAt is the same */,
        seq: before.seq,
      },
    ]);
  });

  it('catches a forged or edited checkpoint, and a checkpoint file edited by hand', async () => {
    await checkpoint();
    await t.db.db
      .updateTable('auditCheckpoints')
      .set({ signature: '00'.repeat(32) })
      .execute();
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: false, reason: expect.stringMatching(/bad signature/) });
    await t.db.db.deleteFrom('auditCheckpoints').execute();
    expect(await verifyAuditChain(t.db.db)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/in the checkpoint file but no longer in the database/),
    });
    fs.appendFileSync(trail.checkpointFile, 'not a checkpoint\n');
    expect(await verifyAuditChain(t.db.db)).toMatchObject({
      ok: false,
      firstBadSeq: null,
      reason: expect.stringMatching(/lines that are not checkpoints \(2\)/),
    });
  });
});
