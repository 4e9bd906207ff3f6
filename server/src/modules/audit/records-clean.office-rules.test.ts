import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser } from '../../../test/factories.ts';
import { runCli } from '../../../test/cli.ts';
import { enqueueDueCrons, runDueJobs } from '../../platform/jobs/runner.ts';
import { verifyAuditRecords } from '../../platform/audit/verify-records.ts';
import { plannedAbsenceJob } from '../whereabouts/index.ts';

const cliEnv = (t: TestApp) => ({
  QINLIAN_DATA_DIR: t.config.dataDir,
  DATABASE_URL: t.config.database.engine === 'postgres' ? t.config.database.url : `sqlite:${t.config.database.file}`,
});
const HOUR = 3_600_000;

/**
 * records-clean.test.ts for the office rules (issue 13): a time limit changed; a rectification
 * opened, assigned, submitted, returned, submitted again and verified; enquiries registered, handed
 * over (declined, cancelled, accepted), answered and closed; public ratings — a good one, a bad one
 * whose appeal is upheld (its item withdrawn), a bad one of an enquiry whose appeal is rejected and
 * whose item is revisited and verified; badges edited, reissued, revoked; whereabouts set by the
 * person and the head; planned absences, one cancelled, one switched on and off by the minute job.
 * Then `audit verify --records` finds every row of the sealed tables as its last event left it.
 */
describe.each(ENGINES)('verify --records after the office rules’ ordinary writes on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, { sessionIdleMinutes: 60 * 24 * 365 }); // the minute job runs a day later
  });
  afterAll(async () => {
    await t.close();
  });

  const send = async (s: Session, method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, payload?: object, status = 200) => {
    const res = await s.request({ method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  let seq = 0;
  const rate = async (url: string, score: number) => {
    seq += 1;
    const res = await t.app.inject({
      method: 'POST',
      url,
      remoteAddress: `198.18.0.${seq}`,
      headers: { 'x-device-id': `records-clean-office-${engine}-${String(seq).padStart(4, '0')}` },
      payload: { score, comment: score <= 2 ? '态度生硬' : '办事快' },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const runMinuteJob = async (at: number) => {
    t.clock.set(new Date(at));
    const deps = { db: t.db.db, engine: t.db.engine, clock: t.clock, config: t.config, jobs: [plannedAbsenceJob] };
    await enqueueDueCrons(deps, t.clock.now());
    await runDueJobs(deps, { instanceId: 'test' });
  };

  it('finds every office-rules row as its latest audit event sealed it', async () => {
    const dept = await buildDepartment(t);
    const other = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: dept.id });
    const account = async (permissions: Permission[], personId: string, dataScope: 'dept' | 'all' = 'dept') =>
      (await buildSignedInUser(t, { permissions, dataScope, personId })).session;
    const headPerms: Permission[] = ['rectification.read', 'rectification.handle', 'enquiries.handle', 'enquiries.read'];
    const head = await account(
      [...headPerms, 'ratings.read', 'ratings.appeal', 'badges.manage', 'whereabouts.read', 'whereabouts.manage', 'people.read'],
      (await buildPerson(t, { departmentId: dept.id, title: '局长' })).id,
    );
    const staffPerson = post.aPersonId!;
    const staff = await account(['rectification.read', 'rectification.handle', 'enquiries.handle', 'whereabouts.read'], staffPerson);
    const elsewhere = await account(['enquiries.handle'], (await buildPerson(t, { departmentId: other.id })).id);
    const officePerms: Permission[] = [
      'rectification.read',
      'rectification.verify',
      'ratings.read',
      'ratings.review',
      'time_limits.manage',
    ];
    const office = await account([...officePerms, 'people.read'], (await buildPerson(t)).id, 'all');

    // 办结时限
    await send(office, 'PUT', '/api/time-limits/rectification', { workingDays: 12 });

    // 整改: opened by hand, assigned, submitted, returned, submitted again, verified
    let item = await send(
      office,
      'POST',
      '/api/rectifications',
      { departmentId: dept.id, title: '窗口台账不全', detail: '请说明并整改' },
      201,
    );
    const step = async (s: Session, name: string, body: object) =>
      (item = await send(s, 'POST', `/api/rectifications/${item.id}/${name}`, { ...body, version: item.version }));
    await step(head, 'assign', { ownerPersonId: staffPerson });
    await step(staff, 'submit', { resolution: 'explained', note: '已说明情况' });
    await step(office, 'return', { reason: '请补充佐证' });
    await step(staff, 'submit', { resolution: 'fixed', note: '已补齐台账', attachmentRef: '台账第 3 页' });
    await step(office, 'verify', { note: '核实属实' });

    // 首问: a hand-over declined, one cancelled, one accepted; answered and closed
    let e = await send(
      staff,
      'POST',
      '/api/enquiries',
      { channel: 'visitor', enquirerName: '钱群众', subject: '咨询', body: '来访咨询。' },
      201,
    );
    const handOver = async (to: object) =>
      (e = await send(staff, 'POST', `/api/enquiries/${e.id}/handovers`, { ...to, version: e.version }, 201));
    await handOver({ toDepartmentId: other.id });
    e = await send(elsewhere, 'POST', `/api/enquiries/${e.id}/handovers/${e.handovers.at(-1).id}/decline`, { note: '不属本单位' });
    await handOver({ toDepartmentId: other.id });
    e = await send(staff, 'POST', `/api/enquiries/${e.id}/handovers/${e.handovers.at(-1).id}/cancel`, {});
    await handOver({ toDepartmentId: dept.id });
    e = await send(head, 'POST', `/api/enquiries/${e.id}/handovers/${e.handovers.at(-1).id}/accept`, {});
    e = await send(head, 'POST', `/api/enquiries/${e.id}/reply`, { reply: '已当面答复', replyWay: 'in_person', version: e.version });
    e = await send(head, 'POST', `/api/enquiries/${e.id}/close`, { version: e.version });

    // 亮牌 and 好差评: the badge edited, reissued, revoked and reissued; a good and a bad rating, an appeal upheld
    await send(head, 'PUT', `/api/badges/people/${staffPerson}`, { duties: '负责窗口受理' });
    await send(head, 'POST', `/api/badges/people/${staffPerson}/reissue`);
    await send(head, 'POST', `/api/badges/people/${staffPerson}/revoke`);
    const badge = await send(head, 'POST', `/api/badges/people/${staffPerson}/reissue`);
    await rate(`/api/public/badges/${badge.code}/ratings`, 5);
    await rate(`/api/public/badges/${badge.code}/ratings`, 1);
    await rate(`/api/public/enquiries/${e.code}/ratings`, 2); // the enquiry's owner: the head
    const bad = (await send(head, 'GET', `/api/ratings?bad=true&pageSize=50`)).items as { id: string; personId: string; version: number }[];
    expect(bad).toHaveLength(2);
    for (const r of bad) {
      const upheld = r.personId === staffPerson;
      const appealed = await send(head, 'POST', `/api/ratings/${r.id}/appeal`, { reason: '评价对象有误', version: r.version });
      const decision = { decision: upheld ? 'upheld' : 'rejected', note: '经核实', version: appealed.version };
      const decided = await send(office, 'POST', `/api/ratings/${r.id}/appeal/decision`, decision);
      expect(decided.rectification.status).toBe(upheld ? 'withdrawn' : 'open');
      if (upheld) continue;
      item = await send(head, 'GET', `/api/rectifications/${decided.rectification.id}`);
      await step(head, 'submit', { resolution: 'fixed', note: '已约谈并改进' });
      await step(office, 'revisit', { revisitedOn: '2026-03-02', way: 'phone', contactPhone: '13900001111', outcome: 'satisfied' });
      await step(office, 'verify', {});
    }

    await rate(`/api/public/badges/${badge.code}/ratings`, 2); // a bad review left standing: sealed as linked to its item

    // 去向牌 and planned absences: set by the person and the head; one absence cancelled, one run by the minute job
    const now = t.clock.now().getTime();
    const back = new Date(now + 3 * HOUR).toISOString();
    await send(staff, 'PUT', `/api/whereabouts/people/${staffPerson}`, { state: 'out', place: '区政务中心', expectedReturnAt: back });
    await send(head, 'PUT', `/api/whereabouts/people/${staffPerson}`, { state: 'in_office', version: 1 });
    const absence = (startsAt: number, endsAt: number) =>
      send(
        head,
        'POST',
        '/api/whereabouts/planned-absences',
        {
          personId: staffPerson,
          kind: 'trip',
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(endsAt).toISOString(),
          place: '上海',
        },
        201,
      );
    const dropped = await absence(now + 48 * HOUR, now + 50 * HOUR);
    await send(head, 'DELETE', `/api/whereabouts/planned-absences/${dropped.id}`);
    const trip = await absence(now + 2 * HOUR, now + 26 * HOUR);
    await runMinuteJob(now + 2 * HOUR + 30_000);
    await runMinuteJob(now + 26 * HOUR + 30_000);
    const ended = await t.db.db.selectFrom('plannedAbsences').select('status').where('id', '=', trip.id).executeTakeFirstOrThrow();
    expect(ended.status).toBe('ended');

    const check = await verifyAuditRecords(t.db.db);
    expect(check.chain).toMatchObject({ ok: true });
    expect(check.records?.problems).toEqual([]);
    expect(check.records).toMatchObject({ ok: true, rebaselinedAt: null });
    const sealed = [
      'rectifications',
      'enquiries',
      'enquiryHandovers',
      'ratings',
      'ratingAppeals',
      'whereabouts',
      'plannedAbsences',
      'badges',
    ];
    for (const table of sealed) {
      const seals = await t.db.db.selectFrom('auditEvents').select('seals').where('seals', 'like', `%"t":"${table}"%`).limit(1).execute();
      expect(seals, `${table} has seals`).toHaveLength(1);
    }
    const cli = await runCli(['audit', 'verify', '--records'], cliEnv(t));
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/business rows match the audit log: \d+ rows/);
  });
});
