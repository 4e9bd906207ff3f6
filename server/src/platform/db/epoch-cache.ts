import { singleFlight } from './single-flight.ts';

type Entry<V> = { value: V; epoch: number; builtAt: number };
type PerHandle<K, V> = { entries: Map<K, Entry<V>>; load: ReturnType<typeof singleFlight<K, Entry<V>>> };

/**
 * An in-process cache of rarely written rows, per database handle and key. An entry is current
 * while the write epoch it was read at is (writes through this process rebuild it at once) and for
 * at most `ttlMs` (how long a write made through another app instance goes unseen here). Requests
 * that miss together share one read; `fresh` reads anew (a row the entry lacks was just referenced)
 * and joins no read under way. Nothing found (undefined) is not kept; past `maxEntries` the entry
 * written longest ago goes.
 */
export function epochCache<K, V>(epoch: { current(): number }, ttlMs: number, maxEntries = 10_000) {
  const handles = new WeakMap<object, PerHandle<K, V>>();
  const perHandle = (db: object) => {
    let state = handles.get(db);
    if (!state) handles.set(db, (state = { entries: new Map(), load: singleFlight() }));
    return state;
  };
  return async (db: object, key: K, read: () => Promise<V>, opts: { fresh?: boolean } = {}): Promise<V> => {
    const { entries, load } = perHandle(db);
    const hit = entries.get(key);
    if (hit && !opts.fresh && hit.epoch === epoch.current() && Date.now() - hit.builtAt < ttlMs) return hit.value;
    const at = epoch.current(); // read before the rows: a write committed meanwhile makes this entry stale
    const build = async (): Promise<Entry<V>> => ({ value: await read(), epoch: at, builtAt: Date.now() });
    const entry = opts.fresh ? await build() : await load(key, at, build);
    entries.delete(key); // re-inserted below: Map order is recency order, the oldest goes first
    if (entry.value !== undefined) entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return entry.value;
  };
}
