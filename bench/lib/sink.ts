import pg from 'pg';
import { startWriterThread } from './sqlite-thread.ts';

/**
 * Bulk writing straight in SQL, for the dataset generator only (a tool, not a module): prepared
 * statements in a writer thread on SQLite, multi-row `unnest` inserts on PostgreSQL.
 * Rows are arrays in the order of the columns given to `table()`.
 */
export type Value = string | number | null;
export type Writer = { push(row: Value[]): void | Promise<void>; flush(): Promise<void> };

export interface Sink {
  engine: 'sqlite' | 'postgres';
  hasTable(name: string): Promise<boolean>;
  columns(table: string): Promise<string[]>;
  /** `after`: writers whose rows these rows reference (foreign keys): they are flushed first. */
  table(name: string, columns: string[], after?: Writer[]): Writer;
  run(sqlText: string, params?: Value[]): Promise<void>;
  all<T = Record<string, unknown>>(sqlText: string, params?: Value[]): Promise<T[]>;
  /** Drop a table's plain secondary indexes now; the returned function builds them again (sorted builds are faster than inserting into them). */
  deferIndexes(table: string): Promise<() => Promise<void>>;
  /** commit what was written so far and begin again */
  checkpoint(): Promise<void>;
  finish(): Promise<void>;
}

/** Rows per request to the SQLite writer thread. */
const SQLITE_BATCH = 250;

/**
 * SQLite: the connection lives in a writer thread (sqlite-thread.ts, sqlite-writer.ts), rows go to
 * it in batches. Every statement first sends the rows pushed so far, so reads see them.
 */
export async function sqliteSink(file: string): Promise<Sink> {
  const writer = await startWriterThread(file);
  const writers: Writer[] = [];
  const flushAll = async () => {
    for (const w of writers) await w.flush();
  };
  const all = async <T>(sql: string, params: Value[] = []) => {
    await flushAll();
    return writer.ask<T[]>({ op: 'all', sql, params });
  };
  const exec = async (sql: string) => {
    await flushAll();
    await writer.ask({ op: 'exec', sql });
  };
  let statements = 0;
  /** Rows go to the writer thread in batches. */
  const table = (name: string, columns: string[], after: Writer[] = []): Writer => {
    const sql = `INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    let statement: number | null = null;
    let rows: Value[][] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      for (const w of after) await w.flush();
      if (statement === null) {
        statement = statements++;
        await writer.post({ op: 'prepare', statement, sql });
      }
      const batch = rows;
      rows = [];
      await writer.post({ op: 'insert', statement, rows: batch });
    };
    const w: Writer = {
      push(row) {
        rows.push(row);
        if (rows.length >= SQLITE_BATCH) return flush();
      },
      flush,
    };
    writers.push(w);
    return w;
  };
  return {
    engine: 'sqlite',
    hasTable: async (name) => (await all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name])).length > 0,
    columns: async (table) => (await all<{ name: string }>(`PRAGMA table_info(${JSON.stringify(table)})`)).map((c) => c.name),
    table,
    run: async (sql, params = []) => {
      await flushAll();
      await writer.ask({ op: 'run', sql, params });
    },
    all,
    async deferIndexes(table) {
      const indexes = await all<{ name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
        [table],
      );
      if (indexes.length) await exec(indexes.map((i) => `DROP INDEX ${i.name};`).join('\n'));
      return async () => {
        for (const i of indexes) await exec(i.sql);
      };
    },
    checkpoint: async () => {
      await flushAll();
      await writer.ask({ op: 'checkpoint' });
    },
    finish: async () => {
      await flushAll();
      await writer.ask({ op: 'close' });
    },
  };
}

type PgColumn = { name: string; udt: string };
const PG_BATCH = 2_000;
const PG_COMMIT_EVERY = 200_000;

export async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  let failure: Error | null = null;
  client.on('error', (err) => {
    failure ??= err;
  }); // surfaces on the next statement instead of crashing the process
  await client.connect();
  await client.query('SET synchronous_commit = off');
  await client.query('BEGIN');
  // One batch is inserted by the server while the next one is made here, so the generator and
  // PostgreSQL work at the same time; every other statement waits for it (and fails with it).
  let inserting: Promise<void> = Promise.resolve();
  const settled = async () => {
    await inserting;
    if (failure) throw failure;
  };
  const query = async <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) => {
    await settled();
    return client.query<R>(text, params);
  };
  const types = new Map<string, PgColumn[]>();
  const columnTypes = async (table: string) => {
    if (!types.has(table)) {
      const r = await query<{ name: string; udt: string }>(
        'SELECT column_name AS name, udt_name AS udt FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
        [table],
      );
      types.set(table, r.rows);
    }
    return types.get(table)!;
  };
  let pending = 0;
  const checkpoint = async () => {
    await query('COMMIT');
    await client.query('BEGIN');
    pending = 0;
  };
  const table = (name: string, columns: string[], after: Writer[] = []): Writer => {
    let buffer: Value[][] = columns.map(() => []);
    let count = 0;
    let text: string | null = null;
    const flush = async () => {
      if (count === 0) return;
      for (const w of after) await w.flush();
      if (!text) {
        const all = await columnTypes(name);
        const casts = columns.map((c) => {
          const col = all.find((x) => x.name === c);
          if (!col) throw new Error(`${name}.${c}: no such column`);
          return `${col.udt}[]`;
        });
        text = `INSERT INTO ${name} (${columns.join(', ')}) SELECT * FROM unnest(${casts.map((c, i) => `$${i + 1}::${c}`).join(', ')})`;
      }
      const values = buffer;
      buffer = columns.map(() => []);
      count = 0;
      await settled();
      inserting = client.query(text, values).then(
        () => {},
        (err: Error) => {
          failure ??= err;
        },
      );
      pending += values[0]!.length;
      if (pending >= PG_COMMIT_EVERY) await checkpoint();
    };
    return {
      push(row) {
        for (let i = 0; i < row.length; i++) buffer[i]!.push(row[i]!);
        if (++count >= PG_BATCH) return flush();
      },
      flush,
    };
  };
  return {
    engine: 'postgres',
    hasTable: async (name) => (await columnTypes(name)).length > 0,
    columns: async (table) => (await columnTypes(table)).map((c) => c.name),
    table,
    run: async (text, params = []) => {
      await query(toPg(text), params);
    },
    all: async <T>(text: string, params: Value[] = []) => (await query(toPg(text), params)).rows as T[],
    async deferIndexes(table) {
      const r = await query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename = $1
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
        [table],
      );
      for (const i of r.rows) await query(`DROP INDEX ${i.name}`);
      return async () => {
        for (const i of r.rows) await query(i.def);
      };
    },
    checkpoint,
    async finish() {
      await query('COMMIT');
      await client.query('ANALYZE');
      await client.end();
    },
  };
}

/** `?` placeholders (SQLite style) to `$n` (PostgreSQL). */
function toPg(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
