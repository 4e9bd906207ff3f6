import os from 'node:os';
import { systemCtx } from '../../server/src/bootstrap.ts';
import { fixedClock } from '../../server/src/platform/clock.ts';
import { openDatabase } from '../../server/src/platform/db/database.ts';
import { sealRecordsBaseline } from '../../server/src/platform/audit/baseline.ts';
import { bindAuditTrail } from '../../server/src/platform/audit/trail.ts';
import type { Target } from '../generate.ts';
import { BENCH_AUDIT_KEY } from './dataset.ts';

/**
 * 封印基线 through the app's own `sealRecordsBaseline`, under the bench's audit key (which the runner
 * gives the app): without it the app's first start on every run's copy would seal every business
 * row itself — minutes at a million demands, before any measurement. Returns the chain's length.
 */
export async function sealRecords(target: Target, at: Date, log: (line: string) => void): Promise<number> {
  const started = Date.now();
  const database = openDatabase({ database: target.engine === 'sqlite' ? { engine: 'sqlite', file: target.file } : target });
  try {
    // the key is given, so no key file is made; the checkpoint file is not written by a baseline
    bindAuditTrail(database.db, {
      dataDir: os.tmpdir(),
      audit: { key: BENCH_AUDIT_KEY, witnessUrl: undefined, checkpointCron: '', verifyCron: '' },
    });
    const sealed = await sealRecordsBaseline(systemCtx(database, fixedClock(at)));
    log(`  records baseline: ${sealed} rows sealed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return Number((await database.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq);
  } finally {
    await database.close();
  }
}
