import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment } from '../../../test/factories.ts';
import { runCli } from '../../../test/cli.ts';
import { loadConfig } from '../../platform/config.ts';
import { enqueueJob, runDueJobs } from '../../platform/jobs/runner.ts';
import { auditTrailOf } from '../../platform/audit/trail.ts';
import { checkpointSignedBy, readCheckpointFile } from '../../platform/audit/checkpoints.ts';
import { systemCtx } from '../../bootstrap.ts';
import { auditCheckpointJob, auditWitnessJob } from './index.ts';

/** An outside witness: a real HTTP endpoint that keeps what it is sent, or refuses while told to. */
function startWitness() {
  const received: Record<string, unknown>[] = [];
  let refusing = false;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d));
    req.on('end', () => {
      if (refusing) return void res.writeHead(503).end('down for maintenance');
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  return new Promise<{ url: string; received: typeof received; refuse(on: boolean): void; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/witness`,
        received,
        refuse: (on) => (refusing = on),
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

describe.each(ENGINES)('signed checkpoints and the outside witness on %s', (engine) => {
  let t: TestApp;
  let witness: Awaited<ReturnType<typeof startWitness>>;
  beforeAll(async () => {
    witness = await startWitness();
    t = await startTestApp(engine, { audit: { ...loadConfig({}).audit, witnessUrl: witness.url } });
  });
  afterAll(async () => {
    await t.close();
    await witness.close();
  });

  const jobs = [auditCheckpointJob, auditWitnessJob];
  const run = () => runDueJobs({ db: t.db.db, engine: t.db.engine, clock: t.clock, config: t.config, jobs }, { instanceId: 'test' });
  const checkpointNow = async () => {
    await enqueueJob(systemCtx(t.db, t.clock), auditCheckpointJob, {});
    return run();
  };
  const checkpoints = () => t.db.db.selectFrom('auditCheckpoints').selectAll().orderBy('seq').execute();
  const cliEnv = () => ({
    QINLIAN_DATA_DIR: t.config.dataDir,
    QINLIAN_AUDIT_WITNESS_URL: witness.url,
    DATABASE_URL: t.config.database.engine === 'postgres' ? t.config.database.url : `sqlite:${t.config.database.file}`,
  });

  it('signs the head every 10 minutes unless QINLIAN_AUDIT_CHECKPOINT_CRON says otherwise', () => {
    expect(auditCheckpointJob.schedule).toEqual([{ cron: '*/10 * * * *' }]);
    expect(loadConfig({ QINLIAN_AUDIT_CHECKPOINT_CRON: '*/15 * * * *' }).audit.checkpointCron).toBe('*/15 * * * *');
  });

  it('keeps each checkpoint in the database, the checkpoint file and at the witness; an unmoved head is not signed again', async () => {
    await buildDepartment(t);
    expect(await checkpointNow()).toMatchObject({ done: 2, failed: 0 }); // the checkpoint, then its delivery
    const [row] = await checkpoints();
    const head = await t.db.db.selectFrom('auditHead').select(['seq', 'hash']).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      seq: head.seq,
      hash: head.hash,
      source: 'job',
      witnessStatus: 'sent',
      witnessAttempts: 1,
      witnessError: null,
    });
    const key = auditTrailOf(t.db.db)!.key!;
    expect(checkpointSignedBy(key, row!)).toBe(true);
    expect(readCheckpointFile(auditTrailOf(t.db.db)!.checkpointFile).checkpoints).toEqual([
      { seq: row!.seq, hash: row!.hash, at: row!.at, keyId: key.id, signature: row!.signature },
    ]);
    expect(witness.received).toEqual([
      {
        kind: 'qinlian.audit.checkpoint',
        v: 1,
        seq: row!.seq,
        hash: row!.hash,
        at: row!.at,
        keyId: key.id,
        signature: row!.signature,
        algorithm: 'sm3',
      },
    ]);
    await checkpointNow();
    expect(await checkpoints()).toHaveLength(1);
  });

  it('retries a witness that refuses, keeps the failure visible, and delivers once it answers', async () => {
    witness.refuse(true);
    await buildDepartment(t);
    expect(await checkpointNow()).toMatchObject({ retried: 1 });
    const refused = (await checkpoints()).at(-1)!;
    expect(refused).toMatchObject({ witnessStatus: 'pending', witnessAttempts: 1, witnessError: 'witness answered HTTP 503' });
    const job = await t.db.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'audit-witness')
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow();
    expect(job.lastError).toContain('witness answered HTTP 503');

    const verify = await runCli(['audit', 'verify'], cliEnv());
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('1 checkpoints not yet taken by the witness');
    expect(verify.stdout).toContain('last error: witness answered HTTP 503');

    witness.refuse(false);
    t.clock.advance(2 * 60_000); // past the first backoff
    expect(await run()).toMatchObject({ done: 1 });
    expect((await checkpoints()).at(-1)).toMatchObject({ witnessStatus: 'sent', witnessAttempts: 2, witnessError: null });
    expect(witness.received.at(-1)).toMatchObject({ seq: refused.seq, hash: refused.hash });
  });

  it('`qinlian audit checkpoint` signs on demand and delivers to the witness', async () => {
    await buildDepartment(t);
    const before = witness.received.length;
    const cli = await runCli(['audit', 'checkpoint'], cliEnv());
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/checkpoint signed: row \d+/);
    const latest = (await checkpoints()).at(-1)!;
    expect(latest).toMatchObject({ source: 'cli', witnessStatus: 'sent' });
    expect(witness.received.slice(before)).toEqual([expect.objectContaining({ seq: latest.seq, signature: latest.signature })]);
    expect(readCheckpointFile(auditTrailOf(t.db.db)!.checkpointFile).checkpoints.at(-1)).toMatchObject({ seq: latest.seq });
    const again = await runCli(['audit', 'checkpoint'], cliEnv());
    expect(again.stdout).toContain('the head has not moved');
    expect(fs.readFileSync(auditTrailOf(t.db.db)!.checkpointFile, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
