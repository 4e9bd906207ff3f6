import crypto from 'node:crypto';
import { listenOn, type Log } from './pg-listen.ts';
import { advanceAllEpochs, advanceEpochByName, onEpochAdvanced } from './write-epoch.ts';

/** The PostgreSQL channel app instances tell each other about committed writes on. */
export const CACHE_CHANNEL = 'qinlian_cache';

/** This process, so that it skips what it announced itself (its own epochs moved at commit). */
const PROCESS_ORIGIN = crypto.randomBytes(6).toString('hex');

export type CacheBus = { close(): Promise<void> };

/**
 * 缓存一致 — on PostgreSQL, app instances keep their in-process caches coherent through
 * LISTEN/NOTIFY (no extra server): each write epoch a commit moves here is announced on
 * `qinlian_cache` (names gathered over one turn of the event loop, one NOTIFY for them), and the
 * epochs another instance announces move here, so entries built before its write are dropped within
 * the round trip. The caches' TTLs stay as the safety net. While the listening connection is down,
 * announcements are missed: on reconnecting every epoch moves on, then listening resumes.
 */
export async function startCacheBus(url: string, log: Log = () => {}): Promise<CacheBus> {
  const pending = new Set<string>();
  const channel = await listenOn(
    url,
    CACHE_CHANNEL,
    {
      onPayload(payload) {
        try {
          const { o, e } = JSON.parse(payload) as { o?: string; e?: string[] };
          if (o === PROCESS_ORIGIN || !Array.isArray(e)) return;
          for (const name of e) advanceEpochByName(name);
        } catch {
          // not ours: a payload another tool sent on the channel
        }
      },
      onResumed: () => advanceAllEpochs(), // what was announced while away is unknown: everything cached is stale
    },
    log,
  );
  const flush = () => {
    const names = [...pending];
    pending.clear();
    if (names.length === 0) return;
    channel
      .notify(JSON.stringify({ o: PROCESS_ORIGIN, e: names }))
      .catch((e: Error) => log('warn', `cache bus: notify failed: ${e.message}`));
  };
  const stopAnnouncing = onEpochAdvanced((name) => {
    if (pending.size === 0) setImmediate(flush);
    pending.add(name);
  });
  return {
    async close() {
      stopAnnouncing();
      await channel.close();
    },
  };
}
