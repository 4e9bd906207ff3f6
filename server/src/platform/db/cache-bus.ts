import crypto from 'node:crypto';
import pg from 'pg';
import { advanceAllEpochs, advanceEpochByName, onEpochAdvanced } from './write-epoch.ts';

/** The PostgreSQL channel app instances tell each other about committed writes on. */
export const CACHE_CHANNEL = 'qinlian_cache';

/** This process, so that it skips what it announced itself (its own epochs moved at commit). */
const PROCESS_ORIGIN = crypto.randomBytes(6).toString('hex');

export type CacheBus = { close(): Promise<void> };
type Log = (level: 'info' | 'warn', msg: string) => void;

/**
 * 缓存一致 — on PostgreSQL, app instances keep their in-process caches coherent through
 * LISTEN/NOTIFY (no extra server): each write epoch a commit moves here is announced on
 * `qinlian_cache` (names gathered over one turn of the event loop, one NOTIFY for them), and the
 * epochs another instance announces move here, so entries built before its write are dropped within
 * the round trip. The caches' TTLs stay as the safety net. While the listening connection is down,
 * announcements are missed: on reconnecting every epoch moves on, then listening resumes.
 */
export async function startCacheBus(url: string, log: Log = () => {}): Promise<CacheBus> {
  let closed = false;
  let listener: pg.Client | null = null;
  let retryMs = 250;
  const pool = new pg.Pool({ connectionString: url, max: 1 });

  const pending = new Set<string>();
  const flush = () => {
    const names = [...pending];
    pending.clear();
    if (closed || names.length === 0) return;
    const payload = JSON.stringify({ o: PROCESS_ORIGIN, e: names });
    pool
      .query('SELECT pg_notify($1, $2)', [CACHE_CHANNEL, payload])
      .catch((e: Error) => log('warn', `cache bus: notify failed: ${e.message}`));
  };
  const stopAnnouncing = onEpochAdvanced((name) => {
    if (pending.size === 0) setImmediate(flush);
    pending.add(name);
  });

  const onNotification = (msg: pg.Notification) => {
    try {
      const { o, e } = JSON.parse(msg.payload ?? '{}') as { o?: string; e?: string[] };
      if (o === PROCESS_ORIGIN || !Array.isArray(e)) return;
      for (const name of e) advanceEpochByName(name);
    } catch {
      // not ours: a payload another tool sent on the channel
    }
  };

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', onNotification);
    client.on('error', (e) => {
      log('warn', `cache bus: listening connection lost (${e.message}); reconnecting`);
      reconnectSoon(client);
    });
    await client.connect();
    await client.query(`LISTEN ${CACHE_CHANNEL}`);
    if (closed) return void (await client.end());
    listener = client;
    retryMs = 250;
  };
  const reconnectSoon = (lost: pg.Client) => {
    if (closed || listener !== lost) return;
    listener = null;
    void lost.end().catch(() => {});
    const attempt = () => {
      if (closed) return;
      connect().then(
        () => advanceAllEpochs(), // what was announced while away is unknown: everything cached is stale
        () => {
          retryMs = Math.min(retryMs * 2, 10_000);
          setTimeout(attempt, retryMs).unref();
        },
      );
    };
    setTimeout(attempt, retryMs).unref();
  };

  await connect();
  log('info', `cache bus: listening on ${CACHE_CHANNEL}`);
  return {
    async close() {
      closed = true;
      stopAnnouncing();
      await listener?.end().catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}
