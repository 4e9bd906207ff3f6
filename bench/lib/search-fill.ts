import { bigrams, fts5Text, tsvectorLiteral } from '../../server/src/platform/search/bigrams.ts';
import type { Sink, Writer } from './sink.ts';

const BATCH = 20_000;

type EntryWriter = { push(taskId: string, title: string[], code: string[]): void | Promise<void>; writers: Writer[] };

/** A task's index entry as each engine stores it (the rows taskSearchRepo.apply writes). */
function entryWriter(sink: Sink): EntryWriter {
  if (sink.engine === 'postgres') {
    const entries = sink.table('task_search', ['task_id', 'grams']);
    return { push: (taskId, title, code) => entries.push([taskId, tsvectorLiteral([title, code])]), writers: [entries] };
  }
  const docs = sink.table('task_search_docs', ['doc_id', 'task_id']);
  const entries = sink.table('task_search', ['rowid', 'title', 'code'], [docs]);
  let docId = 0;
  return {
    async push(taskId, title, code) {
      await docs.push([++docId, taskId]);
      await entries.push([docId, fts5Text(title), fts5Text(code)]);
    },
    writers: [docs, entries],
  };
}

/**
 * The task search index (migration 20261125T1620_task_search) for the tasks written in bulk: read
 * back in id order, their character pairs computed with the app's own `bigrams`, so the generator
 * and the app index alike. On PostgreSQL the GIN index is built once, after the load
 * (bench/runner/postgres.ts gives the build its memory).
 */
export async function fillTaskSearch(sink: Sink, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const restore = await sink.deferIndexes('task_search');
  const writer = entryWriter(sink);
  let count = 0;
  for (let after = ''; ;) {
    const rows = await sink.all<{ id: string; title: string; code: string }>(
      'SELECT id, title, code FROM tasks WHERE id > ? ORDER BY id LIMIT ?',
      [after, BATCH],
    );
    if (rows.length === 0) break;
    for (const r of rows) await writer.push(r.id, bigrams(r.title), bigrams(r.code));
    count += rows.length;
    after = rows.at(-1)!.id;
  }
  for (const w of writer.writers) await w.flush();
  await sink.checkpoint();
  await restore();
  log(`  task search: ${count} tasks indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
