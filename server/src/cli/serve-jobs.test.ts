import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/cli.ts';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
const until = async (check: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (check()) return true;
  return check();
};

describe('qinlian serve', { timeout: 90_000 }, () => {
  it('runs the job loop (crons enqueued and run) and stops it on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-serve-'));
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...inherited,
        QINLIAN_DATA_DIR: dataDir,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        QINLIAN_ADMIN_PASSWORD: 'Admin@12345',
        QINLIAN_SEED_DEMO: 'false',
        QINLIAN_LOG_LEVEL: 'warn',
        QINLIAN_JOBS_POLL_SECONDS: '0.2',
      },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const file = path.join(dataDir, 'qinlian.db');
      const doneKinds = () => {
        if (!fs.existsSync(file)) return [] as string[];
        const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
        try {
          return (db.prepare("select kind from jobs where status = 'done'").all() as { kind: string }[]).map((r) => r.kind);
        } catch {
          return [];
        } finally {
          db.close();
        }
      };
      expect(await until(() => out.includes('jobs on'), 60_000), out).toBe(true);
      expect(await until(() => doneKinds().includes('notification-delivery'), 20_000), out).toBe(true);
      expect(doneKinds()).toEqual(expect.arrayContaining(['notification-delivery', 'task-warnings', 'jobs-housekeeping']));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(fs.existsSync(path.join(dataDir, 'qinlian.pid'))).toBe(false);
      expect(out).not.toMatch(/error/i);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
