import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../harness.ts';
import { runCli } from '../cli.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { verifyAuditChain } from '../../src/platform/audit/verify.ts';
import { httpSignIn, startReporters, startServer, startWriters, type ServerProcess } from './server-process.ts';
import { SIZE } from './size.ts';
import { startSubmitters } from './submitters.ts';
import { cliEnv, entityAuditConsistency, freshData } from './consistency.ts';

/**
 * 3. Crash safety: the real server in a child process, clients writing departments and people
 * concurrently, `kill -9` in the middle, restart on the same data. Every acknowledged write must be
 * there; nothing may be half there (an entity row without its audit record or an audit record
 * without its row); the audit chain must verify, by the API and by `qinlian audit verify`; and the
 * restarted server must take writes again.
 */

describe.each(ENGINES)('crash safety (kill -9 during writes) on %s', (engine) => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.kill9().catch(() => {});
  });

  it('keeps every acknowledged write, half-writes none, and the audit chain verifies after restart', async () => {
    const d = await freshData(engine);
    const prefix = `崩溃测试${engine}-`;
    let server = await startServer(d);
    servers.push(server);
    let admin = await httpSignIn(server.base);
    const root = await admin.request('POST', '/api/departments', { name: '崩溃测试新区', parentId: null, kind: 'committee' });
    expect(root.status, JSON.stringify(root.json)).toBe(201);
    const acked = { departments: new Map<string, string>(), people: new Map<string, string>() };
    const attempted = new Set<string>();
    // a measure to hang tasks on, for the progress reporters
    const plan = await admin.request('POST', '/api/plans', {
      name: `${prefix}计划`,
      year: 2026,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const programme = await admin.request('POST', '/api/plan/programmes', { planId: plan.json.id, code: 'C1', name: '崩溃测试工程' });
    const measure = await admin.request('POST', '/api/plan/measures', {
      programmeId: programme.json.id,
      code: 'C1-1',
      name: '崩溃测试举措',
    });
    expect(measure.status, JSON.stringify(measure.json)).toBe(201);
    const reported = new Map<string, { version: number; reports: number }>();
    const submitted = new Map<string, string>(); // tracking code → title: public submissions acknowledged

    for (let round = 0; round < SIZE.crashRounds; round++) {
      const writers = startWriters(admin, { writers: SIZE.writers, parentId: root.json.id, prefix: `${prefix}${round}-` });
      const reporters = startReporters(admin, {
        reporters: 2,
        measureId: measure.json.id,
        leadDepartmentId: root.json.id,
        prefix: `${prefix}${round}-`,
      });
      const submitters = startSubmitters(server.base, { clients: SIZE.writers, prefix: `${prefix}${round}-` });
      // kill once every kind of writer has been acknowledged a few times (and at least crashAfterMs in)
      const started = Date.now();
      const reportsDone = () => [...reporters.acked.values()].reduce((n, v) => n + v.reports, 0);
      while (
        Date.now() - started < 30_000 &&
        (Date.now() - started < SIZE.crashAfterMs || reportsDone() < 2 || writers.acked.people.length < 2 || submitters.acked.length < 2)
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await server.kill9(); // mid-stream: writers have requests in flight
      await writers.done;
      await reporters.done;
      await submitters.done;
      expect(submitters.failures, 'public submissions refused before the kill').toEqual([]);
      for (const x of submitters.acked) submitted.set(x.code, x.title);
      expect(writers.failures, 'writes refused before the kill').toEqual([]);
      expect(reporters.failures, 'progress reports refused before the kill').toEqual([]);
      for (const [id, v] of reporters.acked) reported.set(id, v);
      expect(writers.acked.departments.length + writers.acked.people.length, 'the clients really wrote before the kill').toBeGreaterThan(3);
      for (const x of writers.acked.departments) acked.departments.set(x.id, x.name);
      for (const x of writers.acked.people) acked.people.set(x.id, x.name);
      for (const n of writers.attempted) attempted.add(n);

      server = await startServer(d);
      servers.push(server);
      admin = await httpSignIn(server.base);
    }

    const db = openDatabase({ database: d.database });
    try {
      const c = await entityAuditConsistency(db, prefix);
      const presentDepts = new Map(c.depts.map((x) => [x.id, x.name]));
      const presentPeople = new Map(c.people.map((x) => [x.id, x.name]));
      const lost = [
        ...[...acked.departments].filter(([id]) => !presentDepts.has(id)).map(([, n]) => `department ${n}`),
        ...[...acked.people].filter(([id]) => !presentPeople.has(id)).map(([, n]) => `person ${n}`),
      ];
      expect(lost, 'acknowledged writes lost in the crash').toEqual([]);
      expect(c.rowsWithoutAudit, 'rows without their audit record').toEqual([]);
      expect(c.auditsWithoutRow, 'audit records without their row').toEqual([]);
      // anything present beyond the acknowledged was at least attempted (in flight at the kill)
      const unexplained = [...c.depts, ...c.people].filter(
        (x) => !acked.departments.has(x.id) && !acked.people.has(x.id) && !attempted.has(x.name),
      );
      expect(unexplained).toEqual([]);
      // progress reports: every acknowledged one is there, and each report event has its audit record
      for (const [taskId, ack] of reported) {
        const row = await db.db.selectFrom('tasks').select(['version']).where('id', '=', taskId).executeTakeFirstOrThrow();
        expect(row.version, `task ${taskId} lost acknowledged reports`).toBeGreaterThanOrEqual(ack.version);
        const events = await db.db
          .selectFrom('taskEvents')
          .select('id')
          .where('taskId', '=', taskId)
          .where('kind', '=', 'report')
          .execute();
        const audits = await db.db
          .selectFrom('auditEvents')
          .select('seq')
          .where('entityId', '=', taskId)
          .where('action', '=', 'task.report')
          .execute();
        expect(events.length, `task ${taskId}: acknowledged reports missing`).toBeGreaterThanOrEqual(ack.reports);
        expect(audits.length, `task ${taskId}: report events and their audit records differ`).toBe(events.length);
      }
      expect(
        [...reported.values()].reduce((n, v) => n + v.reports, 0),
        'the reporters really reported before the kill',
      ).toBeGreaterThan(0);
      // public submissions (group commit): every acknowledged code is there, each with its audit record
      const codes = [...submitted.keys()];
      expect(codes.length, 'the public really submitted before the kill').toBeGreaterThan(0);
      const kept = await db.db.selectFrom('demands').select(['id', 'code']).where('code', 'in', codes).execute();
      expect(
        codes.filter((c) => !kept.some((k) => k.code === c)),
        'acknowledged submissions lost in the crash',
      ).toEqual([]);
      const receipts = await db.db
        .selectFrom('auditEvents')
        .select('entityId')
        .where('action', '=', 'demand.receive')
        .where(
          'entityId',
          'in',
          kept.map((k) => k.id),
        )
        .execute();
      expect(receipts.length, 'submissions without their audit record').toBe(kept.length);
      expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true });
      console.log(
        `[crash ${engine}] acknowledged ${acked.departments.size} departments, ${acked.people.size} people, ${[...reported.values()].reduce((n, v) => n + v.reports, 0)} progress reports, ${submitted.size} public submissions; present ${c.depts.length} departments, ${c.people.length} people`,
      );
    } finally {
      await db.close();
    }

    const apiVerify = await admin.request('GET', '/api/audit/verify');
    expect(apiVerify.json).toMatchObject({ ok: true });
    const after = await admin.request('POST', '/api/departments', { name: `${prefix}重启后`, parentId: root.json.id });
    expect(after.status, 'the restarted server takes writes').toBe(201);
    await server.stop();

    const cli = await runCli(['audit', 'verify'], cliEnv(d));
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('audit chain intact');
    fs.rmSync(d.dataDir, { recursive: true, force: true });
  }, 300_000);
});
