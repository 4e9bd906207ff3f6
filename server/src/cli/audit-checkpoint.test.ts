import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { buildDepartment, buildSignedHead } from '../../test/factories.ts';
import { runCli } from '../../test/cli.ts';
import { sm2KeyFile } from '../platform/audit/sm2.ts';
import { verifyHeadSignature } from '../modules/audit/index.ts';

// Each case runs the real CLI in child processes: generous time for a loaded machine.
const SLOW = { timeout: 180_000 };

type Head = Awaited<ReturnType<typeof buildSignedHead>>;
const verifyArgs = (h: Head) => [
  'audit',
  'verify',
  '--checkpoint',
  `${h.seq}:${h.hash}`,
  '--signature',
  h.signature,
  '--key',
  h.keyId,
  '--signed-at',
  h.signedAt,
];

describe('qinlian audit verify --checkpoint, sm2-key and sm2-rotate on SQLite', SLOW, () => {
  let t: TestApp;
  const env = (app: TestApp) => ({ QINLIAN_DATA_DIR: app.config.dataDir });
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('confirms a printed head and its signature on an intact chain (exit 0), and refuses a checkpoint written wrong', async () => {
    const printed = await buildSignedHead(t);
    await buildDepartment(t);
    const run = await runCli(verifyArgs(printed), env(t));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`checkpoint holds: row ${printed.seq} still has the printed hash`);
    expect(run.stdout).toContain(`SM2 signature valid: made by the area's key ${printed.keyId}`);
    expect(run.stdout).toMatch(/audit chain intact: \d+ rows/);

    const typo = await runCli(['audit', 'verify', '--checkpoint', `${printed.seq}-${printed.hash}`], env(t));
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('检查点应写成“序号:哈希值”');
    const short = await runCli(['audit', 'verify', '--checkpoint', `${printed.seq}：${printed.hash.slice(1)}`], env(t));
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('hash: 哈希值应为 64 位十六进制字符');
  });

  it('sm2-key prints the key that signs; sm2-rotate replaces it and keeps the old public key, so old bulletins still verify', async () => {
    const old = await buildSignedHead(t);
    const shown = await runCli(['audit', 'sm2-key'], env(t));
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`current signing key: ${old.keyId}`);
    expect(shown.stdout).toContain(`public key: ${old.publicKey}`);

    const before = fs.readFileSync(sm2KeyFile(t.config.dataDir), 'utf8');
    const rotated = await runCli(['audit', 'sm2-rotate'], env(t));
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain(`retired ${old.keyId}`);
    expect(fs.readFileSync(sm2KeyFile(t.config.dataDir), 'utf8')).not.toBe(before);
    expect(fs.statSync(sm2KeyFile(t.config.dataDir)).mode & 0o777).toBe(0o600);

    t.clock.advance(60_000);
    const fresh = await buildSignedHead(t); // the running app reads the rotated key file
    expect(fresh.keyId).not.toBe(old.keyId);
    expect(rotated.stdout).toContain(`signing key rotated: ${fresh.keyId}`);
    expect(await verifyHeadSignature(t.db.db, old)).toMatchObject({ valid: true });
    const oldStillHolds = await runCli(verifyArgs(old), env(t));
    expect(oldStillHolds.code, oldStillHolds.stderr).toBe(0);
    expect(oldStillHolds.stdout).toContain(`SM2 signature valid: made by the area's key ${old.keyId}`);
  });

  it('exits 1 naming the row when a record after the printed head was changed in the database', async () => {
    const own = await startTestApp('sqlite'); // a database of its own: the tampering must not break the chain under the other cases
    try {
      const printed = await buildSignedHead(own);
      await buildDepartment(own);
      await buildDepartment(own);
      const altered = printed.seq + 2;
      const raw = new SqliteDatabase(own.config.database.engine === 'sqlite' ? own.config.database.file : '');
      const changed = raw.prepare(`update audit_events set after_json = replace(after_json, '部门', '部')  where seq = ?`).run(altered);
      raw.close();
      expect(changed.changes).toBe(1);

      const run = await runCli(verifyArgs(printed), env(own));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`row ${printed.seq} matches, but row ${altered} after it no longer verifies`);
      expect(run.stderr).toContain(`broken at row ${altered}`);
      expect(run.stdout).toContain('SM2 signature valid'); // the bulletin itself is genuine: the records changed

      const forged = await runCli(
        [...verifyArgs(printed).slice(0, 5), `${printed.signature.slice(0, 126)}00`, ...verifyArgs(printed).slice(6)],
        env(own),
      );
      expect(forged.code).toBe(1);
      expect(forged.stderr).toContain('SM2 signature invalid');
    } finally {
      await own.close();
    }
  });
});
