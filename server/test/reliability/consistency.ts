import { freshDatabaseConfig } from '../harness.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { Config } from '../../src/platform/config.ts';

/** A fresh data directory and database for a server process, and what to check in it after the fact. */
export type Dirs = { dataDir: string; databaseUrl?: string; database: Config['database'] };

export async function freshData(engine: 'sqlite' | 'postgres'): Promise<Dirs> {
  const cfg = await freshDatabaseConfig(engine);
  if (cfg.engine === 'postgres') return { dataDir: cfg.dataDir, databaseUrl: cfg.url, database: { engine: 'postgres', url: cfg.url } };
  return { dataDir: cfg.dataDir, database: { engine: 'sqlite', file: cfg.file } };
}

/** Rows and their create-audit records, straight from the database. */
export async function entityAuditConsistency(db: Database, prefix: string) {
  const depts = await db.db.selectFrom('departments').select(['id', 'name']).where('name', 'like', `${prefix}%`).execute();
  const people = await db.db.selectFrom('people').select(['id', 'name']).where('name', 'like', `${prefix}%`).execute();
  const audits = await db.db
    .selectFrom('auditEvents')
    .select(['entityId', 'action'])
    .where('action', 'in', ['department.create', 'person.create'])
    .execute();
  const deptAudits = new Set(audits.filter((a) => a.action === 'department.create').map((a) => a.entityId));
  const personAudits = new Set(audits.filter((a) => a.action === 'person.create').map((a) => a.entityId));
  const deptIds = new Set((await db.db.selectFrom('departments').select('id').execute()).map((r) => r.id));
  const personIds = new Set((await db.db.selectFrom('people').select('id').execute()).map((r) => r.id));
  return {
    depts,
    people,
    rowsWithoutAudit: [
      ...depts.filter((d) => !deptAudits.has(d.id)).map((d) => `department ${d.name}`),
      ...people.filter((p) => !personAudits.has(p.id)).map((p) => `person ${p.name}`),
    ],
    auditsWithoutRow: [
      ...[...deptAudits].filter((id) => id && !deptIds.has(id)).map((id) => `department.create ${id}`),
      ...[...personAudits].filter((id) => id && !personIds.has(id)).map((id) => `person.create ${id}`),
    ],
  };
}

export const cliEnv = (d: Dirs) => ({ QINLIAN_DATA_DIR: d.dataDir, ...(d.databaseUrl ? { DATABASE_URL: d.databaseUrl } : {}) });
