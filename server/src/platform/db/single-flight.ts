/**
 * Concurrent cache misses of one key share one load. Without it, every request in flight when a
 * cached entry expires rebuilds it at once (50 clients: 50 identical loads in the same instant).
 *
 * A load is joined only while its `stamp` (the write epoch it was started at, and whatever else
 * the entry depends on) is still the current one: a request that arrives after a write committed
 * starts its own load rather than take rows read before that write.
 */
export function singleFlight<K, V>() {
  const flights = new Map<K, { stamp: unknown; value: Promise<V> }>();
  return (key: K, stamp: unknown, load: () => Promise<V>): Promise<V> => {
    const flight = flights.get(key);
    if (flight && flight.stamp === stamp) return flight.value;
    const value = load().finally(() => {
      if (flights.get(key)?.value === value) flights.delete(key);
    });
    flights.set(key, { stamp, value });
    return value;
  };
}
