import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** Child processes of a bench run: started on 127.0.0.1, waited for, sampled, stopped by their own pid. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

export type Child = { name: string; pid: number; port: number; proc: ChildProcess; output(): string; stop(): Promise<void> };

export async function startChild(
  name: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  readyPath: string,
  timeoutMs = 120_000,
): Promise<Child> {
  const proc = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  let exited = false;
  proc.on('exit', () => {
    exited = true;
  });
  const child: Child = {
    name,
    pid: proc.pid!,
    port,
    proc,
    output: () => out,
    async stop() {
      if (exited) return;
      const done = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exited) proc.kill('SIGKILL');
      }, 10_000);
      await done;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited before it was ready:\n${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}${readyPath}`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  await child.stop();
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${out}`);
}

/** Resident memory of a process and its children (cluster workers), in bytes. */
export function rssOf(pid: number): number {
  let total = 0;
  const visit = (p: number, depth: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
      total += kb * 1024;
      if (depth < 2) {
        const children = fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
        for (const c of children) visit(c, depth + 1);
      }
    } catch {
      /* gone */
    }
  };
  visit(pid, 0);
  return total;
}

/** CPU time (clock ticks) used so far by a process and its children (cluster workers). */
export function cpuTicks(pid: number): number {
  let total = 0;
  const visit = (p: number, depth: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]); // utime, stime
      if (depth < 2)
        for (const c of fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean))
          visit(Number(c), depth + 1);
    } catch {
      /* gone */
    }
  };
  visit(pid, 0);
  return total;
}

/** Peak of rssOf(pid) while `work` runs, sampled every 100 ms. */
export async function withPeakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peak = rssOf(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 100);
  try {
    const result = await work();
    peak = Math.max(peak, rssOf(pid));
    return { result, peakRss: peak };
  } finally {
    clearInterval(timer);
  }
}

/** Load average of the machine: the bench shares two cores with whatever else runs. */
export const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
