import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type Session, type TestApp } from '../harness.ts';
import { buildDepartment, buildPerson, buildTask } from '../factories.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { buildApp } from '../../src/app.ts';
import { verifyAuditChain } from '../../src/platform/audit/verify.ts';
import { SIZE } from './size.ts';

/**
 * 4. Concurrency: two clients PATCH the same record with the same version at the same moment.
 * Exactly one wins; the other gets 409 version_conflict; the record holds the winner's change;
 * the audit chain holds exactly one update per round, and it verifies. On PostgreSQL the two
 * clients go through two app instances (two connection pools) on one database, as behind a load
 * balancer. (Two instances running each scheduled job once: server/src/platform/jobs/runner.test.ts.)
 */
const updatesOf = async (t: TestApp, action: string, entityId: string) =>
  t.db.db.selectFrom('auditEvents').selectAll().where('action', '=', action).where('entityId', '=', entityId).orderBy('seq').execute();

describe.each(ENGINES)('concurrent updates of one record on %s', (engine) => {
  let t: TestApp;
  let second: { app: FastifyInstance; db: Database } | null = null;
  /** the two clients: on PostgreSQL the second one talks to another app instance */
  let clients: [Session['request'], Session['request']];

  beforeAll(async () => {
    t = await startTestApp(engine);
    const headers = { cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrfToken };
    let other: FastifyInstance = t.app;
    if (engine === 'postgres') {
      const db = openDatabase(t.config);
      const app = await buildApp({ config: t.config, database: db, clock: t.clock, logger: false });
      await app.ready();
      second = { app, db };
      other = app;
    }
    clients = [
      (opts) => t.app.inject({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) } }),
      (opts) => other.inject({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) } }),
    ];
  });
  afterAll(async () => {
    if (second) {
      await second.app.close();
      await second.db.close();
    }
    await t?.close();
  });

  async function race(url: string, bodies: [Record<string, unknown>, Record<string, unknown>]) {
    const [a, b] = await Promise.all([
      clients[0]({ method: 'PATCH', url, payload: bodies[0] }),
      clients[1]({ method: 'PATCH', url, payload: bodies[1] }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses, `${a.body}\n${b.body}`).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('version_conflict');
    return a.statusCode === 200 ? 0 : 1;
  }

  it('department: one of two same-version renames wins, the other gets 409, the audit has exactly one update', async () => {
    const dept = await buildDepartment(t);
    let version = dept.version;
    for (let round = 0; round < SIZE.raceRounds; round++) {
      const names = [`并发改名A${round}`, `并发改名B${round}`] as const;
      const winner = await race(`/api/departments/${dept.id}`, [
        { name: names[0], version },
        { name: names[1], version },
      ]);
      const now = (await t.admin.request({ method: 'GET', url: `/api/departments/${dept.id}` })).json();
      expect(now.name).toBe(names[winner]);
      expect(now.version).toBe(version + 1);
      const audit = await updatesOf(t, 'department.update', dept.id);
      expect(audit).toHaveLength(round + 1);
      expect(JSON.parse(audit.at(-1)!.afterJson!)).toMatchObject({ name: names[winner], version: version + 1 });
      expect(JSON.parse(audit.at(-1)!.beforeJson!)).toMatchObject({ version });
      version = now.version;
    }
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: true });
  });

  it('person: one of two same-version edits wins, the other gets 409, the audit has exactly one update', async () => {
    const person = await buildPerson(t);
    let version = person.version;
    for (let round = 0; round < SIZE.raceRounds; round++) {
      const titles = [`科长${round}`, `副科长${round}`] as const;
      const winner = await race(`/api/people/${person.id}`, [
        { title: titles[0], version },
        { title: titles[1], version },
      ]);
      const now = (await t.admin.request({ method: 'GET', url: `/api/people/${person.id}` })).json();
      expect(now.title).toBe(titles[winner]);
      expect(await updatesOf(t, 'person.update', person.id)).toHaveLength(round + 1);
      version = now.version;
    }
  });

  it('task: one of two same-version edits wins, the other gets 409, the audit has exactly one update', async () => {
    const task = await buildTask(t);
    let version = task.version;
    for (let round = 0; round < SIZE.raceRounds; round++) {
      const titles = [`任务甲${round}`, `任务乙${round}`] as const;
      const winner = await race(`/api/tasks/${task.id}`, [
        { title: titles[0], version },
        { title: titles[1], version },
      ]);
      const now = (await t.admin.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json();
      expect(now.title).toBe(titles[winner]);
      const audits = await t.db.db
        .selectFrom('auditEvents')
        .select('action')
        .where('entityId', '=', task.id)
        .where('action', 'like', 'task.update%')
        .execute();
      expect(audits).toHaveLength(round + 1);
      version = now.version;
    }
    expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: true });
  });

  it('without a version each edit either applies with its audit record or gets 409: nothing is lost silently', async () => {
    for (let round = 0; round < SIZE.raceRounds; round++) {
      const dept = await buildDepartment(t);
      const [a, b] = await Promise.all([
        clients[0]({ method: 'PATCH', url: `/api/departments/${dept.id}`, payload: { sort: 11 } }),
        clients[1]({ method: 'PATCH', url: `/api/departments/${dept.id}`, payload: { sort: 22 } }),
      ]);
      // SQLite has one writer, so the second edit reads the first one's result and applies on top;
      // on PostgreSQL both may read version 1, and the second then meets a moved version: 409.
      for (const r of [a, b]) expect([200, 409], r.body).toContain(r.statusCode);
      const applied = [a, b].filter((r) => r.statusCode === 200).map((r) => r.json().sort);
      expect(applied.length).toBeGreaterThan(0);
      const audit = await updatesOf(t, 'department.update', dept.id);
      expect(audit.map((r) => JSON.parse(r.afterJson!).sort).sort()).toEqual(applied.sort());
      const now = (await t.admin.request({ method: 'GET', url: `/api/departments/${dept.id}` })).json();
      expect(now.version).toBe(1 + applied.length);
      expect(now.sort).toBe(JSON.parse(audit.at(-1)!.afterJson!).sort);
    }
  });
});
