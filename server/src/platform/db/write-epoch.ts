import { afterCommit } from '../context.ts';
import type { Executor } from './database.ts';

/**
 * A counter for an in-process cache of rarely written rows: every committed write to those rows
 * moves it on, and a cache entry remembers the value it was built at. It moves after the commit,
 * so an entry built while the write was still open (reading the old rows) is never taken for current.
 */
export function writeEpoch() {
  let value = 0;
  const advance = () => {
    value++;
  };
  return {
    current: () => value,
    /** this write changes the cached rows */
    changed: (db: Executor) => afterCommit(db, advance),
  };
}
