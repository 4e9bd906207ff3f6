import { sql, type Kysely } from 'kysely';
import { engineOf } from '../engine.ts';
import { bigrams, fts5Text, tsvectorLiteral } from '../../search/bigrams.ts';

/**
 * 任务检索: an index over the character pairs of every task's title and code (platform/search/
 * bigrams.ts), replacing `lower(title) LIKE '%…%'` scans of the whole table.
 *
 * SQLite: an FTS5 table (`ascii` tokenizer: it splits on ASCII spaces and punctuation only, so each
 * pair — Chinese or not — is one token), contentless with deletes, keyed by `task_search_docs`: FTS5
 * needs an integer key, and the implicit rowid of `tasks` (a text primary key) may change on VACUUM.
 * PostgreSQL: a tsvector per task with a GIN index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await db.schema
      .createTable('task_search_docs')
      .addColumn('doc_id', 'integer', (c) => c.primaryKey())
      .addColumn('task_id', 'text', (c) => c.notNull().unique().references('tasks.id'))
      .execute();
    await sql`CREATE VIRTUAL TABLE task_search USING fts5(title, code, content='', contentless_delete=1, tokenize='ascii')`.execute(db);
  } else {
    await db.schema
      .createTable('task_search')
      .addColumn('task_id', 'text', (c) => c.primaryKey().references('tasks.id'))
      .addColumn('grams', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX task_search_grams_idx ON task_search USING gin (grams)`.execute(db);
  }
  await backfill(db);
}

/** Index the tasks that exist, a thousand at a time. */
async function backfill(db: Kysely<any>) {
  const sqlite = engineOf(db) === 'sqlite';
  let docId = 0;
  for (let after = ''; ;) {
    const rows: { id: string; title: string; code: string }[] = await db
      .selectFrom('tasks')
      .select(['id', 'title', 'code'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    if (sqlite) {
      const docs = rows.map((r) => ({
        doc_id: ++docId,
        task_id: r.id,
        title: fts5Text(bigrams(r.title)),
        code: fts5Text(bigrams(r.code)),
      }));
      await db
        .insertInto('task_search_docs')
        .values(docs.map(({ doc_id, task_id }) => ({ doc_id, task_id })))
        .execute();
      for (const d of docs) await sql`INSERT INTO task_search (rowid, title, code) VALUES (${d.doc_id}, ${d.title}, ${d.code})`.execute(db);
    } else {
      await db
        .insertInto('task_search')
        .values(rows.map((r) => ({ task_id: r.id, grams: sql`${tsvectorLiteral([bigrams(r.title), bigrams(r.code)])}::tsvector` })))
        .execute();
    }
    after = rows.at(-1)!.id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_search').execute();
  if (engineOf(db) === 'sqlite') await db.schema.dropTable('task_search_docs').execute();
}
