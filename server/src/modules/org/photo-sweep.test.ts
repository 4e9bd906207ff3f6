import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson } from '../../../test/factories.ts';
import { enqueueDueCrons, runDueJobs } from '../../platform/jobs/runner.ts';
import { photoSweepJob } from './photo-sweep.job.ts';

const DAY = 86_400_000;

describe.each(ENGINES)('the badge-photo sweep on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('removes an old photo no person names and an old temp file, keeps the photo in use', async () => {
    const person = await buildPerson(t, { departmentId: (await buildDepartment(t)).id });
    await t.db.db
      .updateTable('people')
      .set({ photoFile: `${person.id}-v2.png` })
      .where('id', '=', person.id)
      .execute();
    t.clock.set(new Date('2026-03-02T19:50:00Z')); // 03:47 Shanghai has passed
    const folder = path.join(t.config.dataDir, 'files', 'photos');
    fs.mkdirSync(folder, { recursive: true });
    const old = new Date(t.clock.now().getTime() - 2 * DAY);
    for (const name of [`${person.id}-v2.png`, `${person.id}-v1.png`, `${person.id}-v3.png.0a1b2c3d4e5f.tmp`]) {
      fs.writeFileSync(path.join(folder, name), 'png');
      fs.utimesSync(path.join(folder, name), old, old);
    }
    const deps = { db: t.db.db, engine: t.db.engine, clock: t.clock, config: t.config, jobs: [photoSweepJob] };
    expect(await enqueueDueCrons(deps, t.clock.now())).toBe(1);
    expect(await runDueJobs(deps, { instanceId: 'test' })).toMatchObject({ done: 1 });
    expect(fs.readdirSync(folder)).toEqual([`${person.id}-v2.png`]);
  });
});
