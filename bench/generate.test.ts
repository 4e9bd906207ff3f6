import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../server/src/platform/db/database.ts';
import { verifyAuditChain } from '../server/src/platform/audit/verify.ts';
import { verifyPassword } from '../server/src/platform/auth/passwords.ts';
import { bigrams } from '../server/src/platform/search/bigrams.ts';
import { tasksRepo } from '../server/src/modules/tasks/tasks.repo.ts';
import { requireTrackingCode } from '../server/src/platform/public/tracking-code.ts';
import { keyWordsOf } from '../server/src/modules/demands/demand-words.ts';
import { generateDataset } from './generate.ts';
import { SCALES, type Manifest } from './lib/dataset.ts';

/** Keeps the benchmark's dataset generator honest: the small scale on SQLite, checked row by row. */
describe('bench dataset generator (small, SQLite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-bench-'));
  const file = path.join(dir, 'qinlian.db');
  let manifest: Manifest;
  let database: Database;
  const count = async (table: string) => Number((database.sqlite!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
  const all = <T>(text: string) => database.sqlite!.prepare(text).all() as T[];

  beforeAll(async () => {
    manifest = await generateDataset({ target: { engine: 'sqlite', file }, scale: 'small', log: () => {} });
    database = openDatabase({ database: { engine: 'sqlite', file } });
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes the counts of the scale', async () => {
    expect(await count('departments')).toBe(SCALES.small.departments);
    expect(await count('people')).toBe(SCALES.small.people);
    expect(manifest.counts.departments).toBe(SCALES.small.departments);
    expect(await count('audit_events')).toBeGreaterThanOrEqual(SCALES.small.audit);
    expect(await count('users')).toBe(manifest.counts.users);
    if (manifest.tasks) expect(await count('tasks')).toBe(SCALES.small.tasks);
    if (manifest.demands) expect(await count('demands')).toBe(SCALES.small.demands);
  });

  it('is deterministic from its seed', async () => {
    const again = path.join(dir, 'again.db');
    await generateDataset({ target: { engine: 'sqlite', file: again }, scale: 'small', log: () => {} });
    const other = openDatabase({ database: { engine: 'sqlite', file: again } });
    try {
      const names = (db: Database) => db.sqlite!.prepare('SELECT id, name, path FROM departments ORDER BY id').all();
      expect(names(other)).toEqual(names(database));
      const people = (db: Database) => db.sqlite!.prepare('SELECT id, name, phone, department_id FROM people ORDER BY id').all();
      expect(people(other)).toEqual(people(database));
      if (manifest.whereabouts) {
        const boards = (db: Database) => db.sqlite!.prepare('SELECT person_id, state, place, version FROM whereabouts ORDER BY 1').all();
        expect(boards(other)).toEqual(boards(database));
        const codes = (db: Database) => db.sqlite!.prepare('SELECT department_id, code FROM door_boards ORDER BY 1').all();
        expect(codes(other)).toEqual(codes(database));
      }
      if (manifest.demands) {
        const items = (db: Database) =>
          db.sqlite!.prepare('SELECT id, code, title, body, status, merged_into_id FROM demands ORDER BY id').all();
        expect(items(other)).toEqual(items(database));
      }
    } finally {
      await other.close();
    }
  });

  it('keeps department paths: /root/…/self/, depth, parent prefix, unique sibling names', () => {
    const rows = all<{ id: string; parent_id: string | null; path: string; depth: number; name: string }>(
      'SELECT id, parent_id, path, depth, name FROM departments',
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(rows.filter((r) => r.parent_id === null)).toHaveLength(1);
    for (const d of rows) {
      expect(d.path.endsWith(`/${d.id}/`)).toBe(true);
      expect(d.path.split('/').filter(Boolean)).toHaveLength(d.depth + 1);
      if (d.parent_id) {
        const parent = byId.get(d.parent_id)!;
        expect(d.path).toBe(`${parent.path}${d.id}/`);
        expect(d.depth).toBe(parent.depth + 1);
      } else expect(d.path).toBe(`/${d.id}/`);
    }
    const siblings = new Set(rows.map((r) => `${r.parent_id}|${r.name}`));
    expect(siblings.size).toBe(rows.length);
  });

  it("keeps AB posts: A and B differ and both belong to the post's department; phones are unique", () => {
    const bad = all(
      'SELECT p.id FROM posts p LEFT JOIN people a ON a.id = p.a_person_id LEFT JOIN people b ON b.id = p.b_person_id ' +
        'WHERE p.a_person_id = p.b_person_id OR (p.a_person_id IS NOT NULL AND a.department_id <> p.department_id) OR (p.b_person_id IS NOT NULL AND b.department_id <> p.department_id)',
    );
    expect(bad).toEqual([]);
    expect(all('SELECT phone FROM people WHERE phone IS NOT NULL GROUP BY phone HAVING count(*) > 1')).toEqual([]);
  });

  it('writes a hash chain that verifyAuditChain accepts, head included', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: true, checked: manifest.counts.auditEvents });
  });

  it('gives the bench accounts their roles and the known password', async () => {
    const rows = all<{ username: string; code: string; password_hash: string }>(
      "SELECT u.username, r.code, u.password_hash FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE u.username IN ('admin', 'bench_office', 'bench_head', 'bench_staff') ORDER BY u.username",
    );
    expect(rows.map((r) => [r.username, r.code])).toEqual([
      ['admin', 'admin'],
      ['bench_head', 'dept_head'],
      ['bench_office', 'office'],
      ['bench_staff', 'staff'],
    ]);
    for (const r of rows) expect(await verifyPassword(r.password_hash, manifest.password)).toBe(true);
    const head = all<{ department_id: string }>(
      "SELECT p.department_id FROM users u JOIN people p ON p.id = u.person_id WHERE u.username = 'bench_head'",
    );
    expect(head[0]!.department_id).toBe(manifest.head.departmentId);
  });

  it('keeps the task counters equal to the tasks they count', ({ skip }) => {
    if (!manifest.tasks) return skip('no tasks table yet');
    const counted = all(
      "SELECT plan_id, programme_id, measure_id, lead_department_id, coalesce(leader_person_id, '') AS leader_key, status, warning, tagged, " +
        'CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END AS top_level, count(*) AS task_count, sum(weight) AS weight_sum, sum(weight * progress) AS progress_sum FROM tasks ' +
        'GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9',
    );
    const stored = all(
      'SELECT plan_id, programme_id, measure_id, lead_department_id, leader_key, status, warning, tagged, top_level, task_count, weight_sum, progress_sum ' +
        'FROM task_counters ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9',
    );
    expect(stored).toEqual(counted);
    const rolled = all(
      'SELECT measure_id, status, warning, plan_id, programme_id, count(*) AS task_count, sum(weight) AS weight_sum, sum(weight * progress) AS progress_sum ' +
        'FROM tasks WHERE parent_id IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3',
    );
    expect(
      all(
        'SELECT measure_id, status, warning, plan_id, programme_id, task_count, weight_sum, progress_sum FROM task_rollups ORDER BY 1, 2, 3',
      ),
    ).toEqual(rolled);
    expect(all("SELECT id FROM tasks WHERE (status = 'closed') <> (is_open = 0)")).toEqual([]);
  });

  it('gives every away person the board row that makes them away, and every department with people a door board', ({ skip }) => {
    const w = manifest.whereabouts;
    if (!w) return skip('no whereabouts table yet');
    const away = "('out', 'trip', 'leave', 'training')";
    // people.status follows the board (org's presence): away exactly when the row says an away state
    expect(
      all(
        `SELECT p.id FROM people p LEFT JOIN whereabouts w ON w.person_id = p.id WHERE p.status = 'away' AND (w.state IS NULL OR w.state NOT IN ${away})`,
      ),
    ).toEqual([]);
    expect(
      all(`SELECT p.id FROM people p JOIN whereabouts w ON w.person_id = p.id WHERE w.state IN ${away} AND p.status <> 'away'`),
    ).toEqual([]);
    expect(all("SELECT p.id FROM people p JOIN whereabouts w ON w.person_id = p.id WHERE p.status = 'left'")).toEqual([]);
    expect(Number(all<{ n: number }>("SELECT count(*) AS n FROM people WHERE status = 'away'")[0]!.n)).toBeGreaterThan(0);
    expect(w.rows).toBe(all<{ n: number }>('SELECT count(*) AS n FROM whereabouts')[0]!.n);
    // the row is the last line of its history, and its version counts the lines
    const drift = all(
      'SELECT w.person_id FROM whereabouts w WHERE w.version <> (SELECT count(*) FROM whereabouts_history h WHERE h.person_id = w.person_id) ' +
        'OR w.state <> (SELECT h.state FROM whereabouts_history h WHERE h.person_id = w.person_id ORDER BY h.at DESC, h.id DESC LIMIT 1)',
    );
    expect(drift).toEqual([]);
    const audited = all<{ n: number }>("SELECT count(*) AS n FROM audit_events WHERE action = 'whereabouts.set'")[0]!.n;
    expect(audited).toBe(all<{ n: number }>('SELECT count(*) AS n FROM whereabouts_history')[0]!.n);
    expect(
      all(
        "SELECT d.id FROM departments d WHERE EXISTS (SELECT 1 FROM people p WHERE p.department_id = d.id AND p.status <> 'left') AND d.id NOT IN (SELECT department_id FROM door_boards)",
      ),
    ).toEqual([]);
    expect(requireTrackingCode(w.code, 'zh-CN', 'code')).toBe(w.code);
    expect(all<{ department_id: string }>(`SELECT department_id FROM door_boards WHERE code = '${w.code}'`)).toEqual([
      { department_id: w.departmentId },
    ]);
    const fixture = all<{ department_id: string; status: string }>(
      `SELECT department_id, status FROM people WHERE id = '${w.personId}'`,
    )[0]!;
    expect(fixture).toEqual({ department_id: w.departmentId, status: 'active' });
    expect(w.boardPeople).toBeGreaterThan(1);
  });

  it("indexes every task for search: the app's search finds what a scan finds", async ({ skip }) => {
    if (!manifest.tasks) return skip('no tasks table yet');
    expect(await count('task_search_docs')).toBe(await count('tasks'));
    // search ignores punctuation: codes are scanned without their hyphens
    const code = all<{ code: string }>('SELECT code FROM tasks ORDER BY id LIMIT 1 OFFSET 77')[0]!.code;
    for (const q of [...manifest.tasks.searchTerms, '整改', '环境', code, code.slice(-6), code.slice(0, 3)]) {
      const like = `'%${q.toLowerCase().replaceAll('-', '')}%'`;
      const scanned = all<{ id: string }>(
        `SELECT id FROM tasks WHERE lower(title) LIKE ${like} OR replace(lower(code), '-', '') LIKE ${like} ORDER BY due_date, id`,
      );
      expect(scanned.length, q).toBeGreaterThan(0);
      const found = await tasksRepo.page(database.db, { all: true }, { search: { grams: bigrams(q), cap: 1_000_000 } }, 'due', {
        limit: 100_000,
        offset: 0,
      });
      expect(
        found.items.map((t) => t.id),
        q,
      ).toEqual(scanned.map((r) => r.id));
    }
  });

  it("indexes every demand's words as the app does, and keeps the loop's states consistent", ({ skip }) => {
    const d = manifest.demands;
    if (!d) return skip('no demands table yet');
    const stored = new Map<string, string[]>();
    for (const r of all<{ demand_id: string; word: string }>('SELECT demand_id, word FROM demand_words'))
      stored.set(r.demand_id, [...(stored.get(r.demand_id) ?? []), r.word]);
    const items = all<{ id: string; title: string; body: string; created_at: string }>(
      'SELECT id, title, body, created_at FROM demands ORDER BY id',
    );
    expect(d.wordRows).toBe(all<{ n: number }>('SELECT count(*) AS n FROM demand_words')[0]!.n);
    for (const r of items) expect((stored.get(r.id) ?? []).sort(), r.id).toEqual(keyWordsOf(`${r.title}\n${r.body}`).sort());
    // ids sort by creation time, as the app's UUIDv7s do
    expect(items.map((r) => r.created_at)).toEqual(items.map((r) => r.created_at).sort());
    expect(d.sample).toHaveLength(2_000);
    expect(all<{ n: number }>(`SELECT count(*) AS n FROM demands WHERE id IN (${d.sample.map((id) => `'${id}'`).join(', ')})`)[0]!.n).toBe(
      2_000,
    );
    // merged into an item that stands on its own and was not rejected, from a state a merge starts from
    expect(
      all(
        "SELECT m.id FROM demands m JOIN demands t ON t.id = m.merged_into_id WHERE t.merged_into_id IS NOT NULL OR t.status = 'rejected' OR m.status NOT IN ('received', 'accepted')",
      ),
    ).toEqual([]);
    expect(all<{ n: number }>('SELECT count(*) AS n FROM demands WHERE merged_into_id IS NOT NULL')[0]!.n).toBeGreaterThan(0);
    // with a department exactly while dispatched or after; replied and closed with their times
    expect(
      all(
        "SELECT id FROM demands WHERE (department_id IS NOT NULL) <> (status IN ('dispatched', 'handling', 'replied', 'closed')) OR (status IN ('replied', 'closed')) <> (replied_at IS NOT NULL) OR (status = 'closed') <> (closed_at IS NOT NULL)",
      ),
    ).toEqual([]);
  });
});
