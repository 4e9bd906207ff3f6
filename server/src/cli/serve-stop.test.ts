import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpSignIn, startServer } from '../../test/reliability/server-process.ts';
import { readCheckpointFile } from '../platform/audit/checkpoints.ts';

describe('qinlian serve stopping', { timeout: 120_000 }, () => {
  it('signs an audit checkpoint of the last row when it stops cleanly, so no unsigned tail is left behind', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-stop-'));
    const server = await startServer({ dataDir, extra: { QINLIAN_JOBS: 'off' } });
    try {
      await httpSignIn(server.base); // a sign-in is an audit event after any checkpoint taken at start
      const before = readCheckpointFile(path.join(dataDir, 'audit-checkpoints.jsonl')).checkpoints.at(-1)?.seq ?? 0;
      await server.stop();
      const after = readCheckpointFile(path.join(dataDir, 'audit-checkpoints.jsonl')).checkpoints.at(-1)?.seq ?? 0;
      expect(after).toBeGreaterThan(before);
    } finally {
      await server.kill9();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
