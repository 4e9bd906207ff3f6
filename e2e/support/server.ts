import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN_PASSWORD = 'E2e-Admin@2026';

export type RunningServer = {
  url: string;
  dataDir: string;
  output(): string;
  /** SIGTERM (SIGKILL after 10 s), then the data dir is removed — unless `keepData`, so another server can start on it. */
  stop(options?: { keepData?: boolean }): Promise<void>;
};

export type StartOptions = {
  /** Start on this data dir (e.g. one a stopped server kept) instead of a fresh temp one; the seed skips what exists. */
  dataDir?: string;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * The real server as a person starts it — `qinlian serve` in a child process — on a fresh temp
 * data dir (SQLite), a free port, a known admin password and the demo data, serving the built
 * web console from web/dist. Resolves once /api/health answers. `options.dataDir` restarts on the
 * data of an earlier server (stopped with `keepData`), e.g. with QINLIAN_CLOCK_START moved on.
 */
export async function startServer(extraEnv: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build -w web` first (npm test does it)');
  }
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-e2e-'));
  const port = await freePort();
  const { DATABASE_URL: _notHere, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/cli.ts'), 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      QINLIAN_DATA_DIR: dataDir,
      QINLIAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
      QINLIAN_SEED_DEMO: 'true',
      QINLIAN_LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exited = code;
      resolve();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`qinlian serve exited with ${exited} before it was ready:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`qinlian serve did not answer /api/health within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    dataDir,
    output: () => output,
    async stop(stopOptions: { keepData?: boolean } = {}) {
      if (exited === undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exit;
        clearTimeout(timer);
      }
      if (!stopOptions.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
