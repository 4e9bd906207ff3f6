import { afterCommit } from '../context.ts';
import type { Executor } from './database.ts';

/** Every epoch of this process by name, so that a change announced by another instance reaches it (cache-bus.ts). */
const epochs = new Map<string, () => void>();
const announcers = new Set<(name: string) => void>();

/**
 * A counter for an in-process cache of rarely written rows: every committed write to those rows
 * moves it on, and a cache entry remembers the value it was built at. It moves after the commit,
 * so an entry built while the write was still open (reading the old rows) is never taken for current.
 * The name (unique in the process) is how other app instances on the same PostgreSQL are told.
 */
export function writeEpoch(name: string) {
  if (epochs.has(name)) throw new Error(`write epoch "${name}" is declared twice`);
  let value = 0;
  const advance = () => {
    value++;
  };
  epochs.set(name, advance);
  const committed = () => {
    advance();
    for (const announce of announcers) announce(name);
  };
  return {
    current: () => value,
    /** this write changes the cached rows */
    changed: (db: Executor) => afterCommit(db, committed),
  };
}

/** Another instance committed a write to these rows: entries built here before it are stale. Unknown names are ignored. */
export function advanceEpochByName(name: string): boolean {
  const advance = epochs.get(name);
  advance?.();
  return advance !== undefined;
}

/** Every epoch moves on: after a gap in what other instances announced (the listening connection was lost). */
export function advanceAllEpochs() {
  for (const advance of epochs.values()) advance();
}

/** Be told the name of each epoch a write through this process moved; returns the undo. */
export function onEpochAdvanced(announce: (name: string) => void): () => void {
  announcers.add(announce);
  return () => announcers.delete(announce);
}
