import { bigrams, fts5Text, tsvectorLiteral } from '../../server/src/platform/search/bigrams.ts';
import type { Sink } from './sink.ts';

const BATCH = 20_000;

/**
 * The task search index (migration 20261125T1620_task_search) for the tasks written in bulk: read
 * back in id order, their character pairs computed with the app's own `bigrams`, so the generator
 * and the app index alike. On PostgreSQL the GIN index is built once, after the load.
 */
export async function fillTaskSearch(sink: Sink, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const restore = await sink.deferIndexes('task_search');
  const sqlite = sink.engine === 'sqlite';
  const docs = sqlite ? sink.table('task_search_docs', ['doc_id', 'task_id']) : null;
  const entries = sqlite ? sink.table('task_search', ['rowid', 'title', 'code'], [docs!]) : sink.table('task_search', ['task_id', 'grams']);
  let count = 0;
  for (let after = ''; ;) {
    const rows = await sink.all<{ id: string; title: string; code: string }>('SELECT id, title, code FROM tasks WHERE id > ? ORDER BY id LIMIT ?', [after, BATCH]);
    if (rows.length === 0) break;
    for (const r of rows) {
      const title = bigrams(r.title), code = bigrams(r.code);
      if (docs) {
        await docs.push([++count, r.id]);
        await entries.push([count, fts5Text(title), fts5Text(code)]);
      } else {
        count++;
        await entries.push([r.id, tsvectorLiteral([title, code])]);
      }
    }
    after = rows.at(-1)!.id;
  }
  await docs?.flush();
  await entries.flush();
  await sink.checkpoint();
  if (!sqlite) await sink.run("SET maintenance_work_mem = '256MB'"); // the GIN build sorts its entries in memory
  await restore();
  log(`  task search: ${count} tasks indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
