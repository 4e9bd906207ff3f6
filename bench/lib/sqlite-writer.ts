/**
 * The dataset generator's SQLite connection, in a worker thread of its own (started by
 * sqlite-thread.ts): the main thread makes the rows and hashes the audit chain while this one
 * inserts them, so the load uses both cores. Requests are handled in the order they were posted;
 * each is answered with its number (the main thread holds back when it is too far ahead), and the
 * first error stops the writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import type { Value } from './sink.ts';

export type WriterRequest =
  | { op: 'prepare'; statement: number; sql: string }
  | { op: 'insert'; statement: number; rows: Value[][] }
  | { op: 'exec'; sql: string }
  | { op: 'run'; sql: string; params: Value[] }
  | { op: 'all'; sql: string; params: Value[] }
  | { op: 'checkpoint' }
  | { op: 'close' };
export type WriterAnswer = { done: number; result?: unknown } | { failed: { message: string; stack?: string } };

/** Rows per transaction; each commit writes the dirty pages out to the file. */
const COMMIT_EVERY = 200_000;

/**
 * The file is a fresh one, renamed into place only when complete, so nothing needs a journal or
 * fsync while it loads; one connection, so the lock is taken once. The page cache holds the growing
 * tables' last pages; reading through a memory map saves copying pages into it (less system time
 * in the index builds).
 */
function openForLoading(file: string) {
  const db = new SqliteDatabase(file);
  db.unsafeMode(true); // better-sqlite3's defensive mode refuses journal_mode = OFF
  if (db.pragma('journal_mode = OFF', { simple: true }) !== 'off') throw new Error(`${file}: could not turn the journal off for loading`);
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -262144');
  db.pragma('mmap_size = 2147418112'); // as much as better-sqlite3's build allows (SQLITE_MAX_MMAP_SIZE)
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 2'); // index builds sort on both cores: they run after the load, while the main thread waits
  db.pragma('foreign_keys = OFF');
  return db;
}

/** Back to what the app expects of its file: WAL, normal locking. */
function closeAfterLoading(db: SqliteDatabase.Database) {
  db.pragma('locking_mode = NORMAL');
  if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') throw new Error('could not switch the loaded file to WAL');
  db.close();
}

function serve(file: string, port: NonNullable<typeof parentPort>) {
  const db = openForLoading(file);
  const inserts: SqliteDatabase.Statement[] = [];
  let uncommitted = 0;
  let handled = 0;
  let closed = false;
  db.exec('BEGIN');
  const commit = () => {
    db.exec('COMMIT');
    db.exec('BEGIN');
    uncommitted = 0;
  };

  const handle = (req: WriterRequest): unknown => {
    switch (req.op) {
      case 'prepare':
        inserts[req.statement] = db.prepare(req.sql);
        return;
      case 'insert': {
        const stmt = inserts[req.statement]!;
        for (const row of req.rows) stmt.run(row);
        uncommitted += req.rows.length;
        if (uncommitted >= COMMIT_EVERY) commit();
        return;
      }
      case 'exec':
        db.exec(req.sql);
        return;
      case 'run':
        db.prepare(req.sql).run(req.params);
        return;
      case 'all':
        return db.prepare(req.sql).all(req.params);
      case 'checkpoint':
        commit();
        return;
      case 'close':
        db.exec('COMMIT');
        closeAfterLoading(db);
        closed = true;
        return;
    }
  };
  port.on('message', (req: WriterRequest) => {
    let answer: WriterAnswer;
    try {
      answer = { done: ++handled, result: handle(req) };
    } catch (err) {
      const e = err as Error;
      answer = { failed: { message: e.message, stack: e.stack } };
      db.close();
      closed = true;
    }
    port.postMessage(answer);
    if (closed) port.close(); // the thread ends once its port is closed
  });
  port.postMessage({ done: 0 } satisfies WriterAnswer); // ready
}

serve((workerData as { file: string }).file, parentPort!);
