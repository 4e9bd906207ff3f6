import fs from 'node:fs';
import path from 'node:path';
import { generateDataset } from '../generate.ts';
import { DATA_DIR, datasetKey, type Manifest, type Scale } from '../lib/dataset.ts';
import { adminQuery, withDatabase } from './postgres.ts';

/**
 * Generated datasets are cached under bench/.data (git-ignored) by engine, scale, seed and a
 * fingerprint of the generator and the migrations; each run works on a fresh copy, so a write
 * scenario never changes the cached one.
 */
export type Prepared = { manifest: Manifest; generatedNow: boolean; env: Record<string, string>; dispose(): Promise<void> };

const log = (l: string) => console.log(l);

export async function prepareSqlite(scale: Scale, seed: number): Promise<Prepared> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const key = datasetKey('sqlite', scale, seed);
  const cached = path.join(DATA_DIR, `${key}.db`);
  const manifestFile = path.join(DATA_DIR, `${key}.json`);
  let generatedNow = false;
  if (!fs.existsSync(cached) || !fs.existsSync(manifestFile)) {
    for (const f of fs.readdirSync(DATA_DIR))
      if (f.startsWith(`sqlite-${scale}-`) && f !== `${key}.db`) fs.rmSync(path.join(DATA_DIR, f), { force: true });
    const tmp = `${cached}.tmp`;
    fs.rmSync(tmp, { force: true });
    log(`generating ${scale} dataset on SQLite …`);
    const manifest = await generateDataset({ target: { engine: 'sqlite', file: tmp }, scale, seed, log });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(tmp + suffix, { force: true });
    fs.renameSync(tmp, cached);
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    log(`generated in ${manifest.seconds} s`);
    generatedNow = true;
  } else log(`reusing ${path.relative(process.cwd(), cached)}`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const workDir = path.join(DATA_DIR, 'run-sqlite');
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const file = path.join(workDir, 'qinlian.db');
  fs.copyFileSync(cached, file, fs.constants.COPYFILE_FICLONE);
  return {
    manifest,
    generatedNow,
    env: { QINLIAN_DATA_DIR: workDir, BENCH_SQLITE_FILE: file },
    dispose: async () => fs.rmSync(workDir, { recursive: true, force: true }),
  };
}

export async function preparePostgres(serverUrl: string, scale: Scale, seed: number): Promise<Prepared> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const key = datasetKey('postgres', scale, seed);
  const dbName = `bench_${key.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  const manifestFile = path.join(DATA_DIR, `${key}.json`);
  const exists = (await adminQuery(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).length > 0;
  let generatedNow = false;
  if (!exists || !fs.existsSync(manifestFile)) {
    for (const old of await adminQuery<{ datname: string }>(serverUrl, 'SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `bench_postgres_${scale}_%`,
    ])) {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${old.datname}`);
    }
    const building = `${dbName}_building`;
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${building}`);
    await adminQuery(serverUrl, `CREATE DATABASE ${building}`);
    log(`generating ${scale} dataset on PostgreSQL …`);
    const manifest = await generateDataset({ target: { engine: 'postgres', url: withDatabase(serverUrl, building) }, scale, seed, log });
    await adminQuery(serverUrl, `ALTER DATABASE ${building} RENAME TO ${dbName}`);
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    log(`generated in ${manifest.seconds} s`);
    generatedNow = true;
  } else log(`reusing database ${dbName}`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const work = 'bench_run';
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${work} WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE ${work} TEMPLATE ${dbName}`);
  const url = withDatabase(serverUrl, work);
  await adminQuery(url, 'ANALYZE');
  return {
    manifest,
    generatedNow,
    env: { DATABASE_URL: url },
    dispose: async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${work} WITH (FORCE)`);
    },
  };
}
