import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

/** Column types as one vocabulary, so SQLite and PostgreSQL can be compared. */
const normalise = (t: string) => {
  const s = t.toLowerCase();
  if (/int/.test(s)) return 'integer';
  if (/text|char/.test(s)) return 'text';
  return s;
};

async function describeSchema(t: TestApp) {
  const tables = await t.db.db.introspection.getTables();
  return tables
    .filter((x) => !x.name.startsWith('kysely_'))
    .map((x) => ({ table: x.name, columns: x.columns.map((c) => `${c.name}:${normalise(c.dataType)}:${c.isNullable ? 'null' : 'notnull'}`).sort() }))
    .sort((a, b) => a.table.localeCompare(b.table));
}

describe('one set of migrations', () => {
  const apps: TestApp[] = [];
  afterAll(async () => { await Promise.all(apps.map((a) => a.close())); });

  it('ends with the same schema on SQLite and PostgreSQL', async () => {
    const sqlite = await startTestApp('sqlite');
    const postgres = await startTestApp('postgres');
    apps.push(sqlite, postgres);
    const [a, b] = await Promise.all([describeSchema(sqlite), describeSchema(postgres)]);
    expect(a.map((x) => x.table)).toContain('audit_events');
    expect(a.length).toBeGreaterThan(8);
    expect(b).toEqual(a);
  });
});
