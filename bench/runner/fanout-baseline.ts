import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type SqliteDatabase from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { toPg } from '../scenarios/_sql.ts';

/**
 * The bare side of the door-board fan-out (bench/runner/fanout.ts), in bench/baseline-server.ts:
 * an event stream per client kept in a plain Set per department, and a PUT that writes the state
 * row and its history line in one transaction and then writes one frame to every stream of the
 * person's department — no hub, no ring, no policy, no audit chain. The kiosks' refetch reads
 * `/b/door-board` (the door-board scenario's bare board).
 */
export type FanoutStore = {
  change(personId: string, body: { state: string; place?: string | null; expectedReturnAt?: string | null }): Promise<string | null>;
};

const DEPARTMENT_OF = 'SELECT department_id FROM people WHERE id = ?';
const UPSERT = `INSERT INTO whereabouts (person_id, state, place, expected_return_at, set_at, source, version) VALUES (?, ?, ?, ?, ?, 'head', 1)
  ON CONFLICT (person_id) DO UPDATE SET state = excluded.state, place = excluded.place, expected_return_at = excluded.expected_return_at,
  set_at = excluded.set_at, version = whereabouts.version + 1`;
const HISTORY = `INSERT INTO whereabouts_history (id, person_id, state, place, expected_return_at, source, at) VALUES (?, ?, ?, ?, ?, 'head', ?)`;

const values = (personId: string, body: Parameters<FanoutStore['change']>[1]) => {
  const at = new Date().toISOString();
  const place = body.place ?? null;
  const back = body.expectedReturnAt ?? null;
  return { upsert: [personId, body.state, place, back, at], history: [randomUUID(), personId, body.state, place, back, at] };
};

export function sqliteFanoutStore(db: SqliteDatabase.Database): FanoutStore {
  const change = db.transaction((personId: string, body: Parameters<FanoutStore['change']>[1]) => {
    const person = db.prepare(DEPARTMENT_OF).get(personId) as { department_id: string } | undefined;
    if (!person) return null;
    const v = values(personId, body);
    db.prepare(UPSERT).run(...v.upsert);
    db.prepare(HISTORY).run(...v.history);
    return person.department_id;
  });
  return { change: async (personId, body) => change(personId, body) };
}

export function pgFanoutStore(pool: pg.Pool): FanoutStore {
  return {
    async change(personId, body) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const person = (await client.query(toPg(DEPARTMENT_OF), [personId])).rows[0] as { department_id: string } | undefined;
        if (person) {
          const v = values(personId, body);
          await client.query(toPg(UPSERT), v.upsert);
          await client.query(toPg(HISTORY), v.history);
        }
        await client.query('COMMIT');
        return person?.department_id ?? null;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

export function fanoutBaselineRoutes(app: FastifyInstance, store: FanoutStore) {
  const streams = new Map<string, Set<ServerResponse>>();
  let counter = 0;
  app.get('/b/fanout/live', (req, reply) => {
    const dept = String((req.query as Record<string, string>).dept ?? '');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    res.write(`retry: 3000\n\nid: ${counter}\nevent: ready\ndata: {}\n\n`);
    if (!streams.has(dept)) streams.set(dept, new Set());
    streams.get(dept)!.add(res);
    res.on('close', () => streams.get(dept)?.delete(res));
  });
  app.put('/b/fanout/people/:personId', async (req, reply) => {
    const { personId } = req.params as { personId: string };
    const dept = await store.change(personId, req.body as Parameters<FanoutStore['change']>[1]);
    if (!dept) return reply.code(404).send({ ok: false });
    const frame = `id: ${++counter}\nevent: whereabouts.changed\ndata: ${JSON.stringify({ personId })}\n\n`;
    for (const res of streams.get(dept) ?? []) res.write(frame);
    return { ok: true };
  });
  // open streams would keep app.close() waiting
  app.addHook('preClose', async () => {
    for (const set of streams.values()) for (const res of set) res.end();
  });
}
