import { singleFlight } from './single-flight.ts';

/** One generation's entries: all current together, dropped together when the generation moves on. */
export type Generation<V> = {
  key: string;
  entries: Map<string, V>;
  /** requests that miss one entry together share one build */
  load: ReturnType<typeof singleFlight<string, V>>;
  /** keep an entry, the oldest kept going first past the bound */
  keep(id: string, value: V): void;
};

/**
 * An in-process cache whose entries depend on the same things (a string of write epochs, the day …):
 * per database handle one generation at a time, replaced whole when its key changes. Read the key
 * before any rows, and keep entries in the generation you got: one built while a write committed
 * then lands in a generation already replaced, and is never served.
 */
export function generationCache<V>(max: number) {
  const handles = new WeakMap<object, Generation<V>>();
  return (db: object, key: string): Generation<V> => {
    const current = handles.get(db);
    if (current?.key === key) return current;
    const entries = new Map<string, V>();
    const fresh: Generation<V> = {
      key,
      entries,
      load: singleFlight(),
      keep(id, value) {
        entries.delete(id);
        entries.set(id, value);
        if (entries.size > max) entries.delete(entries.keys().next().value!);
      },
    };
    handles.set(db, fresh);
    return fresh;
  };
}
