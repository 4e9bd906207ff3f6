import { sql, type RawBuilder } from 'kysely';
import type { Engine, Executor } from '../../platform/db/database.ts';
import { engineOf } from '../../platform/db/engine.ts';
import { bigrams, fts5Phrase, fts5Text, tsqueryPhrase, tsvectorLiteral } from '../../platform/search/bigrams.ts';
import type { TasksTable } from '../../platform/db/schema.ts';

type Indexed = Pick<TasksTable, 'id' | 'title' | 'code'>;

/**
 * 任务检索 index: the character pairs of each task's title and code (migration 20261125T1620). An
 * FTS5 table keyed through `task_search_docs` on SQLite, a tsvector with a GIN index on PostgreSQL.
 */
export const taskSearchRepo = {
  /** Keep a task's entry in step with its row, in the caller's transaction: when it is created or its title or code changes. */
  async apply(db: Executor, before: Indexed | null, after: Indexed) {
    if (before && before.title === after.title && before.code === after.code) return;
    const title = bigrams(after.title),
      code = bigrams(after.code);
    if (engineOf(db) === 'postgres') {
      await sql`INSERT INTO task_search (task_id, grams) VALUES (${after.id}, ${tsvectorLiteral([title, code])}::tsvector)
        ON CONFLICT (task_id) DO UPDATE SET grams = excluded.grams`.execute(db);
      return;
    }
    // the task's integer key, made on its first entry (the no-op update makes RETURNING answer for an existing one too)
    const { rows } = await sql<{ doc: number }>`INSERT INTO task_search_docs (task_id) VALUES (${after.id})
      ON CONFLICT (task_id) DO UPDATE SET task_id = excluded.task_id RETURNING doc_id AS doc`.execute(db);
    const doc = rows[0]!.doc;
    await sql`DELETE FROM task_search WHERE rowid = ${doc}`.execute(db);
    await sql`INSERT INTO task_search (rowid, title, code) VALUES (${doc}, ${fts5Text(title)}, ${fts5Text(code)})`.execute(db);
  },

  /**
   * The ids of the tasks whose title or code contains, as a phrase, these pairs (a query's bigrams:
   * at least one), as a table to join: a join reads the index lazily and stops at the caller's
   * LIMIT, where `id IN (…)` would first collect every match.
   */
  matching(engine: Engine, grams: string[]): RawBuilder<{ taskId: string }> {
    return engine === 'sqlite'
      ? sql`(SELECT d.task_id FROM task_search JOIN task_search_docs d ON d.doc_id = task_search.rowid WHERE task_search MATCH ${fts5Phrase(grams)})`
      : sql`(SELECT s.task_id FROM task_search s WHERE s.grams @@ ${tsqueryPhrase(grams)}::tsquery)`;
  },
};
