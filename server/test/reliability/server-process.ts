import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD } from '../harness.ts';
import { REPO_ROOT } from '../cli.ts';

/**
 * The real server as a child process (`node --import tsx server/src/cli.ts serve`, the same thing
 * `npx tsx server/src/cli.ts serve` runs, without npx in between so that the pid we kill -9 is the
 * server itself), on a free port of 127.0.0.1, with its own data directory and database.
 */
const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

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

export type ServerProcess = {
  child: ChildProcess;
  base: string;
  output: () => string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
};

export type ServerEnv = { dataDir: string; databaseUrl?: string; extra?: Record<string, string> };

/** The environment the child gets: only what we say about the database (never the parent's DATABASE_URL). */
export function serverEnv(env: ServerEnv, port: number): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return {
    ...inherited,
    HOST: '127.0.0.1',
    PORT: String(port),
    QINLIAN_DATA_DIR: env.dataDir,
    QINLIAN_SEED_DEMO: 'false',
    QINLIAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
    QINLIAN_LOG_LEVEL: 'warn',
    QINLIAN_WEB_DIST: `${env.dataDir}/no-web`,
    ...(env.databaseUrl ? { DATABASE_URL: env.databaseUrl } : {}),
    ...env.extra,
  };
}

export async function startServer(env: ServerEnv, timeoutMs = 90_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    cwd: REPO_ROOT,
    env: serverEnv(env, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${out}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    child,
    base,
    output: () => out,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export type HttpSession = { request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> };

/** Sign in over real HTTP and keep the cookie and CSRF token. */
export async function httpSignIn(base: string, username = 'admin', password = ADMIN_PASSWORD): Promise<HttpSession> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async request(method, path, body) {
      const r = await fetch(`${base}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: r.status, json };
    },
  };
}

/**
 * Writers that create departments (under `parentId`) and people (in the departments they made)
 * until stopped or until the server goes away. Every 2xx is recorded as acknowledged; a request
 * that got no answer is recorded as attempted.
 */
export function startWriters(session: HttpSession, opts: { writers: number; parentId: string; prefix: string }) {
  const acked = { departments: [] as { id: string; name: string; at: number }[], people: [] as { id: string; name: string; at: number }[] };
  const attempted: string[] = [];
  const failures: string[] = [];
  let stop = false;
  const loops = Array.from({ length: opts.writers }, async (_, wi) => {
    let dept: string | null = null;
    for (let i = 0; !stop; i++) {
      const isPerson = dept !== null && i % 2 === 1;
      const name = `${opts.prefix}${wi}-${i}`;
      attempted.push(name);
      const body = isPerson ? { name, departmentId: dept, title: '科员' } : { name, parentId: opts.parentId };
      let res: { status: number; json: any };
      try {
        res = await session.request('POST', isPerson ? '/api/people' : '/api/departments', body);
      } catch {
        return; // the server went away (kill -9): this write was never acknowledged
      }
      if (res.status === 201) {
        (isPerson ? acked.people : acked.departments).push({ id: res.json.id, name, at: Date.now() });
        if (!isPerson) dept = res.json.id;
      } else failures.push(`${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
    }
  });
  return {
    acked,
    attempted,
    failures,
    async stop() {
      stop = true;
      await Promise.all(loops);
    },
    done: Promise.all(loops),
  };
}

/**
 * Progress reporters (进展报送): each makes a task through the API, assigns and accepts it, then
 * reports progress again and again. Acknowledged = the task version the server answered with.
 */
export function startReporters(
  session: HttpSession,
  opts: { reporters: number; measureId: string; leadDepartmentId: string; prefix: string },
) {
  const acked = new Map<string, { version: number; reports: number }>();
  const failures: string[] = [];
  let stop = false;
  const run = async () => {
    // the tasks one after another: concurrent creates in one measure race for the same code (reported, see docs/security.md)
    const tasks: { id: string; version: number }[] = [];
    try {
      for (let ri = 0; ri < opts.reporters; ri++) {
        const created = await session.request('POST', '/api/tasks', {
          measureId: opts.measureId,
          title: `${opts.prefix}任务${ri}`,
          leadDepartmentId: opts.leadDepartmentId,
          startDate: '2026-03-02',
          dueDate: '2026-12-31',
        });
        if (created.status !== 201) {
          failures.push(`create ${created.status} ${JSON.stringify(created.json).slice(0, 200)}`);
          return;
        }
        let task = created.json as { id: string; version: number };
        for (const action of ['assign', 'accept'] as const) {
          const r = await session.request('POST', `/api/tasks/${task.id}/transition`, { action, version: task.version });
          if (r.status !== 200) {
            failures.push(`${action} ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
            return;
          }
          task = r.json;
        }
        acked.set(task.id, { version: task.version, reports: 0 });
        tasks.push(task);
      }
    } catch {
      return;
    }
    await Promise.all(
      tasks.map(async (start) => {
        let task = start;
        try {
          for (let i = 1; !stop; i++) {
            const r = await session.request('POST', `/api/tasks/${task.id}/transition`, {
              action: 'report',
              version: task.version,
              percent: i % 100,
              comment: `第${i}次进展`,
            });
            if (r.status !== 200) {
              failures.push(`report ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
              return;
            }
            task = r.json;
            acked.set(task.id, { version: task.version, reports: i });
          }
        } catch {
          // the server went away: the report in flight was never acknowledged
        }
      }),
    );
  };
  const done = run();
  return {
    acked,
    failures,
    async stop() {
      stop = true;
      await done;
    },
    done,
  };
}
