import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

/**
 * Bulk writing straight in SQL, for the dataset generator only (a tool, not a module): prepared
 * statements inside large transactions on SQLite, multi-row `unnest` inserts on PostgreSQL.
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

const COMMIT_EVERY = 200_000;

export function sqliteSink(file: string): Sink {
  const db = new SqliteDatabase(file);
  // The file is a fresh temp file renamed into place at the end: the journal in memory, no fsync while
  // loading (better-sqlite3's defensive mode refuses journal_mode=OFF).
  if (db.pragma('journal_mode = MEMORY', { simple: true }) !== 'memory') throw new Error(`${file}: could not move the journal to memory for loading`);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');
  let pending = 0;
  db.exec('BEGIN');
  const checkpoint = async () => { db.exec('COMMIT'); db.exec('BEGIN'); pending = 0; };
  return {
    engine: 'sqlite',
    hasTable: async (name) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name),
    columns: async (table) => (db.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as { name: string }[]).map((c) => c.name),
    table(name, columns) {
      const stmt = db.prepare(`INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      return {
        push(row) {
          stmt.run(row);
          if (++pending >= COMMIT_EVERY) { db.exec('COMMIT'); db.exec('BEGIN'); pending = 0; }
        },
        flush: async () => {},
      };
    },
    run: async (text, params = []) => { db.prepare(text).run(params); },
    all: async <T>(text: string, params: Value[] = []) => db.prepare(text).all(params) as T[],
    async deferIndexes(table) {
      const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'").all(table) as { name: string; sql: string }[];
      for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
      return async () => { for (const i of indexes) db.exec(i.sql); };
    },
    checkpoint,
    async finish() {
      db.exec('COMMIT');
      db.pragma('journal_mode = WAL');
      db.close();
    },
  };
}

type PgColumn = { name: string; udt: string };
const PG_BATCH = 5_000;

export async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  let lost: Error | null = null;
  client.on('error', (err) => { lost = err; }); // surfaces on the next query instead of crashing the process
  await client.connect();
  await client.query('SET synchronous_commit = off');
  await client.query('BEGIN');
  const types = new Map<string, PgColumn[]>();
  const columnTypes = async (table: string) => {
    if (!types.has(table)) {
      const r = await client.query<{ name: string; udt: string }>(
        "SELECT column_name AS name, udt_name AS udt FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position", [table]);
      types.set(table, r.rows);
    }
    return types.get(table)!;
  };
  let pending = 0;
  const checkpoint = async () => { await client.query('COMMIT'); await client.query('BEGIN'); pending = 0; };
  return {
    engine: 'postgres',
    hasTable: async (name) => (await columnTypes(name)).length > 0,
    columns: async (table) => (await columnTypes(table)).map((c) => c.name),
    table(name, columns, after = []) {
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
        await client.query(text, values);
        pending += values[0]!.length;
        if (pending >= COMMIT_EVERY) await checkpoint();
      };
      return {
        push(row) {
          for (let i = 0; i < row.length; i++) buffer[i]!.push(row[i]!);
          if (++count >= PG_BATCH) return flush();
        },
        flush,
      };
    },
    run: async (text, params = []) => { await client.query(toPg(text), params); },
    all: async <T>(text: string, params: Value[] = []) => (await client.query(toPg(text), params)).rows as T[],
    async deferIndexes(table) {
      const r = await client.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename = $1
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`, [table]);
      for (const i of r.rows) await client.query(`DROP INDEX ${i.name}`);
      return async () => { for (const i of r.rows) await client.query(i.def); };
    },
    checkpoint,
    async finish() {
      await client.query('COMMIT');
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
