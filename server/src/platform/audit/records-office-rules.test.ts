import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildBadge,
  buildDepartment,
  buildPerson,
  buildPost,
  buildRectification,
  buildSignedInUser,
  setWhereaboutsOf,
} from '../../../test/factories.ts';
import { runCli } from '../../../test/cli.ts';
import { newId } from '../ids.ts';
import { verifyAuditRecords } from './verify-records.ts';
import type { RecordTable } from './record-specs.ts';

const cliEnv = (t: TestApp) => ({
  QINLIAN_DATA_DIR: t.config.dataDir,
  DATABASE_URL: t.config.database.engine === 'postgres' ? t.config.database.url : `sqlite:${t.config.database.file}`,
});

type Row = Record<string, unknown>;

/**
 * The office rules' rows (issue 13) edited straight in the database, past the app: a rectification's
 * status, an enquiry's reply, a hand-over's receiver, a rating's score, an appeal's decision, a
 * time limit, a person's whereabouts, a planned absence, a badge — each changed, added and removed
 * is named by `audit verify --records` (table, key, columns), and verifies clean once put back.
 */
describe.each(ENGINES)('verify --records names office-rules rows changed outside the app on %s', (engine) => {
  let t: TestApp;
  let db: Kysely<any>;
  let staff: Session;
  let head: Session;
  let deptId: string;
  let holderId: string;
  let badgeCode: string;
  let seq = 0;
  beforeAll(async () => {
    t = await startTestApp(engine);
    db = t.db.db as unknown as Kysely<any>;
    deptId = (await buildDepartment(t)).id;
    const post = await buildPost(t, { departmentId: deptId });
    holderId = post.aPersonId!;
    badgeCode = (await buildBadge(t, holderId)).code;
    const headPerson = await buildPerson(t, { departmentId: deptId, title: '局长' });
    const perms = ['enquiries.handle', 'ratings.read', 'ratings.appeal'] as const;
    head = (await buildSignedInUser(t, { permissions: [...perms], dataScope: 'dept', personId: headPerson.id })).session;
    staff = (await buildSignedInUser(t, { permissions: ['enquiries.handle'], dataScope: 'dept', personId: post.bPersonId! })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const problems = async () => {
    const check = await verifyAuditRecords(t.db.db);
    expect(check.chain.ok, check.chain.reason ?? '').toBe(true);
    return check.records!.problems;
  };
  const cliFails = async (...expected: string[]) => {
    const run = await runCli(['audit', 'verify', '--records'], cliEnv(t));
    expect(run.code, run.stdout + run.stderr).toBe(1);
    for (const text of expected) expect(run.stderr).toContain(text);
  };
  const rowOf = (table: RecordTable, key: string, id: string) =>
    db.selectFrom(table).selectAll().where(key, '=', id).executeTakeFirstOrThrow();

  /** One sealed column (or a few, in spec order) set with SQL: named with its columns; put back: clean. */
  async function changed(table: RecordTable, key: string, id: string, patch: Row, opts: { cli?: true } = {}) {
    const row = (await rowOf(table, key, id)) as Row;
    await db.updateTable(table).set(patch).where(key, '=', id).execute();
    const columns = Object.keys(patch);
    expect(await problems()).toEqual([{ table, id, kind: 'changed', columns, seq: expect.any(Number) }]);
    if (opts.cli) await cliFails(`${table} ${id}: `, `changed outside the app: ${columns.join(', ')}`);
    await db
      .updateTable(table)
      .set(Object.fromEntries(columns.map((c) => [c, row[c]])))
      .where(key, '=', id)
      .execute();
    expect(await problems()).toEqual([]);
  }
  /** A copy of a sealed row under a new key (and new unique values) inserted with SQL: added; removed again: clean. */
  async function added(table: RecordTable, key: string, id: string, fresh: Row) {
    const copy = { ...((await rowOf(table, key, id)) as Row), ...fresh };
    await db.insertInto(table).values(copy).execute();
    const newKey = copy[key] as string;
    expect(await problems()).toEqual([{ table, id: newKey, kind: 'added', columns: [], seq: null }]);
    await db.deleteFrom(table).where(key, '=', newKey).execute();
    expect(await problems()).toEqual([]);
  }
  /** A sealed row deleted with SQL (its unsealed history rows first): removed, naming the event that sealed it last; put back: clean. */
  async function removed(table: RecordTable, key: string, id: string, history?: { table: string; column: string }) {
    const row = await rowOf(table, key, id);
    const lines = history ? await db.selectFrom(history.table).selectAll().where(history.column, '=', id).execute() : [];
    if (history) await db.deleteFrom(history.table).where(history.column, '=', id).execute();
    await db.deleteFrom(table).where(key, '=', id).execute();
    expect(await problems()).toEqual([{ table, id, kind: 'removed', columns: [], seq: expect.any(Number) }]);
    await db.insertInto(table).values(row).execute();
    if (lines.length) await db.insertInto(history!.table).values(lines).execute();
    expect(await problems()).toEqual([]);
  }

  const post = async (s: Session, url: string, payload: object, status = 200) => {
    const res = await s.request({ method: 'POST', url, payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const register = (s = staff) =>
    post(s, '/api/enquiries', { channel: 'phone', enquirerName: '赵群众', subject: '咨询', body: '电话咨询办事流程。' }, 201);
  /** a public rating of the badge holder, from a device and address of its own */
  const rate = async (score: number) => {
    seq += 1;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/badges/${badgeCode}/ratings`,
      remoteAddress: `203.0.113.${seq}`,
      headers: { 'x-device-id': `records-office-rules-${engine}-${String(seq).padStart(4, '0')}` },
      payload: { score },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await db
      .selectFrom('ratings')
      .select('id')
      .where('personId', '=', holderId)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    return row!.id as string;
  };

  it('starts clean, the shipped time limits sealed by the baseline', async () => {
    expect(await problems()).toEqual([]);
  });

  it('time_limit_rules: a limit lengthened, a kind added, a kind removed', async () => {
    await changed('timeLimitRules', 'kind', 'enquiry', { workingDays: 30 }, { cli: true });
    await added('timeLimitRules', 'kind', 'enquiry', { kind: 'spot_check' });
    await removed('timeLimitRules', 'kind', 'public_demand');
  });

  it('rectifications: an item forced to verified, one added, one removed', async () => {
    const item = await buildRectification(t);
    await changed('rectifications', 'id', item.id, { status: 'verified', closedAt: '2026-03-02T02:00:00.000Z' });
    await added('rectifications', 'id', item.id, { id: newId(), code: 'ZG-2026-9999', sourceId: newId() });
    await removed('rectifications', 'id', item.id, { table: 'rectificationEvents', column: 'rectificationId' });
  });

  it('enquiries and their hand-overs: a reply written in, a receiver swapped, rows added and removed', async () => {
    const e = await register();
    await changed('enquiries', 'id', e.id, { status: 'replied', reply: '已答复（伪造）' });
    await added('enquiries', 'id', e.id, { id: newId(), code: newId() });
    await removed('enquiries', 'id', e.id);
    const other = await register();
    const handed = await post(staff, `/api/enquiries/${other.id}/handovers`, { toDepartmentId: deptId, version: other.version }, 201);
    const hid = handed.handovers.at(-1).id as string;
    await changed('enquiryHandovers', 'id', hid, { status: 'accepted' }, { cli: true });
    await added('enquiryHandovers', 'id', hid, { id: newId() });
    await removed('enquiryHandovers', 'id', hid);
  });

  it('ratings and appeals: a score raised, a bad review planted, an appeal decided, rows removed', async () => {
    const good = await rate(5);
    await changed('ratings', 'id', good, { score: 1 });
    await added('ratings', 'id', good, { id: newId(), serviceEventKey: `planted:${newId()}` });
    await removed('ratings', 'id', good);
    const bad = await rate(1);
    const rating = await rowOf('ratings', 'id', bad);
    await post(head, `/api/ratings/${bad}/appeal`, { reason: '评价对象有误', version: rating.version });
    await changed('ratings', 'id', bad, { appealState: 'upheld' });
    await changed('ratingAppeals', 'ratingId', bad, { decision: 'upheld', decidedByName: '伪造的复核人' });
    await added('ratingAppeals', 'ratingId', bad, { ratingId: good });
    await removed('ratingAppeals', 'ratingId', bad);
  });

  it('whereabouts, planned absences and badges: a state, an absence and a badge changed, added and removed', async () => {
    const person = await buildPerson(t, { departmentId: deptId });
    const other = await buildPerson(t, { departmentId: deptId });
    await setWhereaboutsOf(t, person.id, 'trip');
    await changed('whereabouts', 'personId', person.id, { state: 'in_office' }, { cli: true });
    await added('whereabouts', 'personId', person.id, { personId: other.id });
    await removed('whereabouts', 'personId', person.id);

    const absence = await post(
      t.admin,
      '/api/whereabouts/planned-absences',
      { personId: person.id, kind: 'leave', startsAt: '2026-03-09T00:30:00.000Z', endsAt: '2026-03-10T09:30:00.000Z' },
      201,
    );
    await changed('plannedAbsences', 'id', absence.id, { status: 'cancelled' });
    await added('plannedAbsences', 'id', absence.id, { id: newId() });
    await removed('plannedAbsences', 'id', absence.id);

    await changed('badges', 'personId', holderId, { revokedAt: '2026-03-02T02:00:00.000Z' });
    await added('badges', 'personId', holderId, { personId: other.id, code: newId() });
    await removed('badges', 'personId', holderId);
  });
});
