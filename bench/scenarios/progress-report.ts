import crypto from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { defineScenario, type ClientState } from '../scenario.ts';

/**
 * 报送进展 (a write): the unit head reports progress on open tasks of their unit. The app checks the
 * life cycle and the version, recomputes the colour, moves the counters, appends the event and the
 * audit record, all in one durable transaction. Each client writes to its own tasks (no version
 * conflicts between clients). The baseline does the same writes in one transaction with the driver:
 * task row (optimistic version), task_counters and task_rollups moved, task_events row, audit row
 * chained to the head — so the audit chain still verifies after a run.
 */
const PER_CLIENT = 4;
const CLIENTS = 64;

type Task = { id: string; version: number; stale?: boolean; inFlight?: boolean };

export const scenario = defineScenario({
  name: 'progress-report',
  title: '报送进展（写）progress report',
  measures: 'POST /api/tasks/:id/transition {action: report} as the unit head: task, counters, event and audit record in one transaction',
  role: 'head',
  writes: true,
  needsTasks: true,
  needsRoutes: ['POST /api/tasks/:id/transition'],
  async plan({ manifest, get }) {
    const pool = manifest.tasks!.reportable.slice(0, PER_CLIENT * CLIENTS);
    if (pool.length < PER_CLIENT) return "fewer than 4 open tasks in the head's unit";
    // the versions now (an earlier run on this copy may have moved them)
    const tasks: Task[] = [];
    for (const t of pool) tasks.push({ id: t.id, version: ((await get(`/api/tasks/${t.id}`)) as { version: number }).version });
    const mine = (s: ClientState) => (s.data.tasks ??= tasks.filter((_, i) => i % CLIENTS === s.client % CLIENTS)) as Task[];
    const current = (s: ClientState) => {
      const list = mine(s);
      for (let k = 0; k < list.length; k++) {
        const t = list[(s.sent + k) % list.length]!;
        if (!t.stale) return t;
      }
      return list[s.sent % list.length]!;
    };
    // A request abandoned when a load ends is still carried out by the server, so a client's version
    // falls behind: such tasks are read again before the next load, and a task answered 409 sits
    // out until its current version is read again.
    const reread = (t: Task) =>
      get(`/api/tasks/${t.id}`).then(
        (v) => {
          t.version = (v as { version: number }).version;
          t.stale = false;
          t.inFlight = false;
        },
        () => {},
      );
    const refresh = (t: Task) => {
      t.stale = true;
      void reread(t);
    };
    const percent = (s: ClientState) => 10 + ((s.client * 7 + s.sent) % 85);
    return {
      app: {
        request(s) {
          const t = current(s);
          s.data.inFlight = t;
          t.inFlight = true;
          return {
            method: 'POST',
            path: `/api/tasks/${t.id}/transition`,
            body: { action: 'report', version: t.version, percent: percent(s), comment: '按序时推进，台账已更新' },
          };
        },
        onResponse(s, status, body) {
          const t = s.data.inFlight as Task;
          t.inFlight = false;
          if (status === 200) t.version = (JSON.parse(body) as { version: number }).version;
          else if (status === 409) refresh(t);
        },
        async beforeLoad() {
          for (const t of tasks) if (t.inFlight || t.stale) await reread(t);
        },
      },
      baseline: {
        request: (s) => ({
          method: 'POST',
          query: {},
          body: { id: tasks[(s.client * PER_CLIENT + s.sent) % tasks.length]!.id, percent: percent(s) },
        }),
      },
    };
  },
  baseline: {
    method: 'POST',
    sqlite: (db, { body }) => sqliteReport(db)(body.id, body.percent),
    postgres: (pool, { body }) => pgReport(pool, body.id, body.percent),
  },
});

// ---- the baseline's writes, straight SQL ----

const ALGORITHM = crypto.getHashes().includes('sm3') ? 'sm3' : 'sha256';
/** the audit chain's canonical form (the same fields, in the same order, as the app's chain) */
const chained = (f: (string | number | null)[], algorithm: string) =>
  crypto.createHash(algorithm).update(JSON.stringify(f), 'utf8').digest('hex');
const newId = () => crypto.randomUUID();

const COUNTER_UPSERT = `INSERT INTO task_counters (plan_id, programme_id, measure_id, lead_department_id, leader_key, status, warning, tagged, top_level, task_count, weight_sum, progress_sum)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (plan_id, programme_id, measure_id, lead_department_id, leader_key, status, warning, tagged, top_level)
  DO UPDATE SET task_count = task_counters.task_count + excluded.task_count, weight_sum = task_counters.weight_sum + excluded.weight_sum, progress_sum = task_counters.progress_sum + excluded.progress_sum`;
const ROLLUP_UPSERT = `INSERT INTO task_rollups (measure_id, status, warning, plan_id, programme_id, task_count, weight_sum, progress_sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (measure_id, status, warning) DO UPDATE SET task_count = task_rollups.task_count + excluded.task_count,
  weight_sum = task_rollups.weight_sum + excluded.weight_sum, progress_sum = task_rollups.progress_sum + excluded.progress_sum`;

type Run = (text: string, params: unknown[]) => unknown;
type Get = (text: string, params: unknown[]) => any;

/** One report as plain statements; the caller wraps it in a transaction. Sync-or-async by driver. */
function* reportSteps(
  id: string,
  percent: number,
): Generator<{ get?: [string, unknown[]]; run?: [string, unknown[]] }, { version: number } | null, any> {
  const t = yield { get: ['SELECT * FROM tasks WHERE id = ?', [id]] };
  if (!t) return null;
  const now = new Date().toISOString();
  const moved = yield {
    run: [
      'UPDATE tasks SET progress = ?, status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
      [percent, 'in_progress', now, id, t.version],
    ],
  };
  if (moved === 0) return null;
  const key = (sign: number, progress: number) => [
    t.plan_id,
    t.programme_id,
    t.measure_id,
    t.lead_department_id,
    t.leader_person_id ?? '',
    t.status,
    t.warning,
    t.tagged,
    t.parent_id ? 0 : 1,
    sign,
    sign * t.weight,
    sign * t.weight * progress,
  ];
  yield { run: [COUNTER_UPSERT, key(-1, t.progress)] };
  yield { run: [COUNTER_UPSERT, key(1, percent)] };
  if (!t.parent_id) {
    yield { run: [ROLLUP_UPSERT, [t.measure_id, t.status, t.warning, t.plan_id, t.programme_id, -1, -t.weight, -t.weight * t.progress]] };
    yield { run: [ROLLUP_UPSERT, [t.measure_id, t.status, t.warning, t.plan_id, t.programme_id, 1, t.weight, t.weight * percent]] };
  }
  yield {
    run: [
      'INSERT INTO task_events (id, task_id, kind, actor_user_id, actor_name, at, text, percent, file_ids, from_status, to_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [newId(), id, 'report', null, 'baseline', now, '按序时推进，台账已更新', percent, '[]', t.status, 'in_progress'],
    ],
  };
  const head = yield { get: ['UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash', []] };
  const after = JSON.stringify({ progress: percent });
  const fields = [Number(head.seq), now, null, 'baseline', 'task.report', 'task', id, null, after, '127.0.0.1', head.hash];
  const hash = chained(fields, ALGORITHM);
  yield {
    run: [
      'INSERT INTO audit_events (seq, at, actor_id, actor_name, action, entity_type, entity_id, before_json, after_json, ip, prev_hash, hash, algorithm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [...fields, hash, ALGORITHM],
    ],
  };
  yield { run: ['UPDATE audit_head SET hash = ? WHERE id = 1', [hash]] };
  return { version: t.version + 1 };
}

const cache = new WeakMap<SqliteDatabase.Database, (id: string, percent: number) => unknown>();
function sqliteReport(db: SqliteDatabase.Database) {
  let fn = cache.get(db);
  if (!fn) {
    const get: Get = (text, params) => db.prepare(text).get(...params);
    const run: Run = (text, params) => db.prepare(text).run(...params).changes;
    fn = db.transaction((id: string, percent: number) => {
      const steps = reportSteps(id, percent);
      let input: unknown;
      for (;;) {
        const next = steps.next(input);
        if (next.done) return next.value;
        input = next.value.get ? get(...next.value.get) : run(...next.value.run!);
      }
    }) as (id: string, percent: number) => unknown;
    cache.set(db, fn);
  }
  return fn;
}

async function pgReport(pool: pg.Pool, id: string, percent: number) {
  const client = await pool.connect();
  const toPg = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  try {
    await client.query('BEGIN');
    const steps = reportSteps(id, percent);
    let input: unknown;
    for (;;) {
      const next = steps.next(input);
      if (next.done) {
        await client.query('COMMIT');
        return next.value;
      }
      const [text, params] = (next.value.get ?? next.value.run)!;
      const r = await client.query(toPg(text), params);
      input = next.value.get ? r.rows[0] : r.rowCount;
    }
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
