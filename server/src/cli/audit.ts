import type { Config } from '../platform/config.ts';
import { openDatabase, type Executor } from '../platform/db/database.ts';
import { systemClock } from '../platform/clock.ts';
import { runDueJobs } from '../platform/jobs/runner.ts';
import { auditTrailFor } from '../platform/audit/trail.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { verifyAuditRecords } from '../platform/audit/verify-records.ts';
import { describeAuditCheck } from '../platform/audit/report.ts';
import { prepareDatabase, systemCtx } from '../bootstrap.ts';
import { auditWitnessJob, takeCheckpoint, witnessBacklog } from '../modules/audit/index.ts';

async function witnessNotes(db: Executor): Promise<string[]> {
  try {
    const late = await witnessBacklog(db);
    if (!late.length) return [];
    const last = late.at(-1)!;
    return [
      `注 / note: ${late.length} 个检查点尚未送达外部见证 / ${late.length} checkpoints not yet taken by the witness` +
        ` (latest: row ${last.seq}, ${last.witnessStatus}, ${last.witnessAttempts} attempts${last.witnessError ? `, last error: ${last.witnessError}` : ''})`,
    ];
  } catch {
    return []; // a database from before checkpoints
  }
}

/**
 * 审计校验: exit 0 when the chain holds (rows, links, MACs, every checkpoint in the database and
 * in the checkpoint file) and, with --records, every tracked business row matches its latest
 * audit seal; 1 naming the first bad row, or every row that differs. Never makes a key.
 */
export async function auditVerifyCommand(config: Config, opts: { records?: boolean } = {}) {
  const database = openDatabase(config);
  try {
    const trail = auditTrailFor(config, { create: false });
    const check = opts.records
      ? await verifyAuditRecords(database.db, { trail })
      : { chain: await verifyAuditChain(database.db, { trail }), records: null };
    const { ok, lines } = describeAuditCheck(check);
    const [chainLine, ...rest] = lines;
    (check.chain.ok ? console.log : console.error)(chainLine);
    for (const line of rest) (line.startsWith('注') || ok ? console.log : console.error)(line);
    for (const line of await witnessNotes(database.db)) console.log(line);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

/** 签署检查点: sign the head now (database, checkpoint file, witness); a witness that does not answer is retried by the server. */
export async function auditCheckpointCommand(config: Config) {
  const database = await prepareDatabase(config);
  try {
    const ctx = systemCtx(database);
    const outcome = await takeCheckpoint(ctx, auditTrailFor(config, { create: false }), 'cli');
    if (outcome.kind === 'empty') {
      console.log('审计链为空，无需签署 / the audit chain is empty: nothing to sign');
      return;
    }
    const { row } = outcome;
    console.log(
      outcome.kind === 'taken'
        ? `已签署检查点 / checkpoint signed: row ${row.seq}, hash ${row.hash.slice(0, 16)}…, key ${row.keyId}, at ${row.at}`
        : `链头未变，沿用检查点 / the head has not moved since the checkpoint of row ${row.seq} at ${row.at}`,
    );
    if (row.witnessStatus !== 'none') {
      await runDueJobs(
        { db: database.db, engine: database.engine, clock: systemClock, config, jobs: [auditWitnessJob] },
        { instanceId: `cli:${process.pid}`, max: 20 },
      );
    }
    for (const line of await witnessNotes(database.db)) console.error(line);
  } finally {
    await database.close();
  }
}
