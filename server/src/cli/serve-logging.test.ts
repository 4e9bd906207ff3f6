import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../test/reliability/server-process.ts';
import { loadConfig } from '../platform/config.ts';

/** Start `qinlian serve` at info level, make two requests, stop it: everything it printed. */
async function serveOutput(extraEnv: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-logs-'));
  const server = await startServer({ dataDir, extra: { QINLIAN_JOBS: 'off', QINLIAN_LOG_LEVEL: 'info', ...extraEnv } });
  try {
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.base}/api/no-such-thing`)).status).toBe(404);
    await new Promise((r) => setTimeout(r, 300)); // let the log lines of those requests reach the pipe
    await server.stop();
    return { out: server.output(), port: Number(new URL(server.base).port) };
  } finally {
    await server.kill9();
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
