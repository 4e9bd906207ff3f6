/**
 * The first load of the sign-in page as the server sends it (bench/runner/first-load.ts): requests
 * and compressed bytes of the html, scripts and styles a browser with an empty cache downloads.
 * `npm run bench` reports it with every run; this measures it alone, without a dataset:
 *
 *   npx tsx bench/first-load.ts [--url http://127.0.0.1:8080] [--page /login]
 *
 * Without --url it starts the app on an empty temp data dir, serving the built web/dist.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_DIR } from './lib/dataset.ts';
import { freePort, startChild, type Child } from './runner/procs.ts';
import { firstLoadLines, measureFirstLoad } from './runner/first-load.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, page: { type: 'string', default: '/login' } } });

process.chdir(REPO_DIR);
let app: Child | undefined;
const dataDir = values.url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-first-load-'));
try {
  let url = values.url?.replace(/\/$/, '');
  if (!url) {
    const port = await freePort();
    app = await startChild(
      'app',
      ['--import', 'tsx', 'server/src/cli.ts', 'serve'],
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        QINLIAN_DATA_DIR: dataDir!,
        QINLIAN_SEED_DEMO: 'false',
        QINLIAN_JOBS: 'off',
        QINLIAN_LOG_LEVEL: 'warn',
        QINLIAN_ADMIN_PASSWORD: 'First-Load@2026',
        NODE_ENV: 'production',
      },
      port,
      '/api/health',
    );
    url = `http://127.0.0.1:${port}`;
  }
  console.log(firstLoadLines(await measureFirstLoad(url, values.page)).join('\n'));
} finally {
  await app?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
