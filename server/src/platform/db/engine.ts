import { SqliteAdapter, type Kysely } from 'kysely';
import type { Engine } from './database.ts';

/** Which engine a handle (root, transaction or a migration's) runs on, for the few statements that differ. */
export const engineOf = (db: Pick<Kysely<any>, 'getExecutor'>): Engine =>
  db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
