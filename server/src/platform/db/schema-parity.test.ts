import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

/** Column types as one vocabulary, so SQLite and PostgreSQL can be compared. */
const normalise = (t: string) => {
  const s = t.toLowerCase();
  if (/int/.test(s)) return 'integer';
  if (/text|char/.test(s)) return 'text';
  if (/double|float|real/.test(s)) return 'double'; // SQLite keeps the declared name, PostgreSQL says float8
  return s;
};

async function describeSchema(t: TestApp) {
  const tables = await t.db.db.introspection.getTables();
  return tables
    .filter((x) => !x.name.startsWith('kysely_'))
    .map((x) => ({
      table: x.name,
      columns: x.columns.map((c) => `${c.name}:${normalise(c.dataType)}:${c.isNullable ? 'null' : 'notnull'}`).sort(),
    }))
    .sort((a, b) => a.table.localeCompare(b.table));
}

/**
 * The task search index is each engine's own full-text machinery (migration 20261125T1620): on
 * SQLite an FTS5 table, its shadow tables and the integer keys FTS5 needs; on PostgreSQL a tsvector
 * table with a GIN index. Checked by name on each engine, and left out of the comparison.
 */
const SEARCH_INDEX = {
  sqlite: ['task_search', 'task_search_config', 'task_search_data', 'task_search_docs', 'task_search_docsize', 'task_search_idx'],
  postgres: ['task_search'],
};
const isSearchIndex = (x: { table: string }) => /^task_search(_|$)/.test(x.table);

describe('one set of migrations', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
  });

  it('ends with the same schema on SQLite and PostgreSQL', async () => {
    const sqlite = await startTestApp('sqlite');
    const postgres = await startTestApp('postgres');
    apps.push(sqlite, postgres);
    const [a, b] = await Promise.all([describeSchema(sqlite), describeSchema(postgres)]);
    expect(a.map((x) => x.table)).toContain('audit_events');
    expect(a.length).toBeGreaterThan(8);
    expect(a.filter(isSearchIndex).map((x) => x.table)).toEqual(SEARCH_INDEX.sqlite);
    expect(b.filter(isSearchIndex).map((x) => x.table)).toEqual(SEARCH_INDEX.postgres);
    expect(b.filter((x) => !isSearchIndex(x))).toEqual(a.filter((x) => !isSearchIndex(x)));
  });
});
