import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/cli.ts';
import { loadConfig } from '../platform/config.ts';

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

/** Start `qinlian serve` at info level, make two requests, stop it: everything it printed. */
async function serveOutput(extraEnv: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-logs-'));
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      QINLIAN_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      QINLIAN_ADMIN_PASSWORD: 'Admin@12345',
      QINLIAN_SEED_DEMO: 'false',
      QINLIAN_JOBS: 'off',
      QINLIAN_LOG_LEVEL: 'info',
      ...extraEnv,
    },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  try {
    expect(await until(() => out.includes(`http://127.0.0.1:${port}`), 60_000), out).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/api/no-such-thing`)).status).toBe(404);
    await new Promise((r) => setTimeout(r, 300)); // let the log lines of those requests reach the pipe
    child.kill('SIGTERM');
    await exited;
    return { out, port };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('qinlian serve output', { timeout: 120_000 }, () => {
  it('reads QINLIAN_LOG_REQUESTS (off unless "true") and names a bad value', () => {
    expect(loadConfig({}).logRequests).toBe(false);
    expect(loadConfig({ QINLIAN_LOG_REQUESTS: 'true' }).logRequests).toBe(true);
    expect(() => loadConfig({ QINLIAN_LOG_REQUESTS: 'yes' })).toThrow(/QINLIAN_LOG_REQUESTS/);
  });

  it('logs no line per request by default, even at info, and prints the address it really listens on', async () => {
    const { out, port } = await serveOutput({});
    expect(out).toContain(`监听 127.0.0.1:${port} / listening on 127.0.0.1:${port}`);
    expect(out).not.toContain('localhost');
    expect(out).not.toMatch(/incoming request|request completed/);
  });

  it('logs every request with QINLIAN_LOG_REQUESTS=true', async () => {
    const { out } = await serveOutput({ QINLIAN_LOG_REQUESTS: 'true' });
    expect(out.match(/"msg":"request completed"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(out).toContain('/api/no-such-thing');
  });
});
