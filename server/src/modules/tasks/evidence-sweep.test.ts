import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { enqueueDueCrons, runDueJobs } from '../../platform/jobs/runner.ts';
import { evidenceSweepJob } from './evidence-sweep.job.ts';

const DAY = 86_400_000;

/** A crash between writing a file and committing its row leaves temp files and files with no row: the daily sweep removes them after a day. */
describe.each(ENGINES)('the evidence sweep on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('removes old temp files and old files no row names, keeps recorded files and young strays, and audits what it removed', async () => {
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile({ filename: '佐证.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const recorded = res.json().id as string;
    // 03:37 Shanghai on the test clock's day, when the daily cron falls due
    t.clock.set(new Date('2026-03-02T19:40:00Z'));
    const folder = path.join(t.config.dataDir, 'files', 'evidence');
    const stray = (name: string, ageMs: number) => {
      const file = path.join(folder, name);
      fs.writeFileSync(file, 'left by a crash');
      const at = new Date(t.clock.now().getTime() - ageMs);
      fs.utimesSync(file, at, at);
    };
    const old = 2 * DAY;
    fs.utimesSync(path.join(folder, recorded), new Date(t.clock.now().getTime() - old), new Date(t.clock.now().getTime() - old));
    stray('0190aaaa-orphan-old', old);
    stray(`${recorded}.abcdef123456.tmp`, old);
    stray('0190bbbb-orphan-young', DAY / 4); // perhaps an upload still on its way to its commit

    // the cron through the job table and the runner
    const deps = { db: t.db.db, engine: t.db.engine, clock: t.clock, config: t.config, jobs: [evidenceSweepJob] };
    expect(await enqueueDueCrons(deps, t.clock.now())).toBe(1);
    expect(await runDueJobs(deps, { instanceId: 'test' })).toMatchObject({ done: 1 });

    expect(fs.readdirSync(folder).sort()).toEqual(['0190bbbb-orphan-young', recorded].sort());
    const audit = await sql<{ after: string }>`select after_json as after from audit_events where action = 'files.sweep'`.execute(t.db.db);
    expect(audit.rows).toHaveLength(1);
    expect(JSON.parse(audit.rows[0]!.after)).toEqual({
      removedTemp: [`${recorded}.abcdef123456.tmp`],
      removedOrphans: ['0190aaaa-orphan-old'],
    });
  });
});
