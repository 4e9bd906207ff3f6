/**
 * Two (BENCH_WORKERS) instances of the real server behind one port, with node:cluster: the primary
 * accepts connections and hands them to the workers in turn. Shows how the app scales out on
 * PostgreSQL, where several instances can share one database.
 *
 *   DATABASE_URL=postgres://… PORT=8080 node --import tsx bench/cluster.ts
 */
import cluster from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const workers = Number(process.env.BENCH_WORKERS ?? 2);
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/src/cli.ts');

if (cluster.isPrimary) {
  let stopping = false;
  cluster.setupPrimary({ exec: cli, args: ['serve'] });
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (!stopping) {
      console.error(`worker ${worker.process.pid} exited (${code}): stopping`);
      stop();
    }
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const timer = setTimeout(() => process.exit(0), 10_000);
    timer.unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
