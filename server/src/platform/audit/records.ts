import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Executor } from '../db/database.ts';
import { AUDIT_ALGORITHM } from './algorithm.ts';
import { CURRENT, PREVIOUS, type RecordRef, type RecordTable, type Spec } from './record-specs.ts';

/**
 * 业务数据封印: the business rows the audit log vouches for (which tables and columns: record-specs.ts).
 * Every event that writes one of them carries a seal of the row as it stands after the write — a
 * digest of its spec's columns — and `audit verify --records` holds every current row to the latest
 * seal of its (table, key).
 */
export { ENTITY_TABLES, RECORD_TABLES, type RecordRef, type RecordTable } from './record-specs.ts';

const specOf = (table: RecordTable, version: number): Spec | undefined =>
  CURRENT[table].version === version ? CURRENT[table] : PREVIOUS.find((s) => s.table === table && s.version === version);

/** The event that seals the rows written before sealing began (platform/audit/baseline.ts). */
export const RECORDS_BASELINE_ACTION = 'audit.records_baseline';

const ROLE_IDS = 'roleIds (user_roles)';

/** The names a report shows for a table's sealed values under a spec version, in seal order. */
export function sealedColumns(table: RecordTable, version = CURRENT[table].version): string[] {
  const spec = specOf(table, version);
  if (!spec) return [];
  return [...spec.columns, ...(spec.roleIds ? [ROLE_IDS] : [])];
}

/** A row as read for sealing: its columns, and for accounts their roles. */
export type RecordRow = Record<string, unknown>;
/** One row's sealed values under a spec version, in its order. */
export type RecordValues = unknown[];

export const valuesOf = (table: RecordTable, version: number, row: RecordRow): RecordValues =>
  sealedColumns(table, version).map((c) => row[c]);

/** A seal as stored in an event: d is null when the row is gone (deleted by the write). */
export type Seal = { t: RecordTable; id: string; v: number; d: string | null; c?: string };

const canonical = (v: unknown) => (v === undefined ? null : typeof v === 'bigint' ? Number(v) : v);

/** The tables' names differ per call, so the builder is untyped here; the columns above are checked against schema.ts. */
const untyped = (db: Executor) => db as unknown as Kysely<any>;

async function roleIdsOf(db: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const links = userIds.length
    ? await db.selectFrom('userRoles').select(['userId', 'roleId']).where('userId', 'in', userIds).execute()
    : [];
  const byUser = new Map<string, string[]>();
  for (const l of links) byUser.set(l.userId, [...(byUser.get(l.userId) ?? []), l.roleId]);
  return byUser;
}

/** Every column any spec version of `table` names (what a read must fetch). */
const readColumns = (table: RecordTable) => [
  ...new Set([CURRENT[table], ...PREVIOUS.filter((s) => s.table === table)].flatMap((s) => s.columns)),
];

async function completed(db: Executor, table: RecordTable, rows: Record<string, unknown>[]): Promise<{ id: string; row: RecordRow }[]> {
  const roles = CURRENT[table].roleIds
    ? await roleIdsOf(
        db,
        rows.map((r) => r.id as string),
      )
    : null;
  return rows.map((r) => {
    const row: RecordRow = {};
    for (const [k, v] of Object.entries(r)) row[k] = canonical(v);
    if (roles) row[ROLE_IDS] = JSON.stringify([...(roles.get(r.id as string) ?? [])].sort());
    return { id: r.id as string, row };
  });
}

/** The column that identifies a row of `table` (the seal's id), and how a read names it `id`. */
const keyColumn = (table: RecordTable) => CURRENT[table].key ?? 'id';
const keyAsId = (table: RecordTable) => (keyColumn(table) === 'id' ? 'id' : `${keyColumn(table)} as id`);

/** The rows of `table` with these keys as they stand in this transaction. */
export async function readRecords(db: Executor, table: RecordTable, ids: string[]): Promise<Map<string, RecordRow>> {
  const found = new Map<string, RecordRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await untyped(db)
      .selectFrom(table)
      .select([keyAsId(table), ...readColumns(table)])
      .where(keyColumn(table), 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of await completed(db, table, rows)) found.set(r.id, r.row);
  }
  return found;
}

/** A page of `table` in key order after `afterId`, for verification and the baseline. */
export async function scanRecords(db: Executor, table: RecordTable, afterId: string | null, limit: number) {
  let q = untyped(db)
    .selectFrom(table)
    .select([keyAsId(table), ...readColumns(table)])
    .orderBy(keyColumn(table))
    .limit(limit);
  if (afterId !== null) q = q.where(keyColumn(table), '>', afterId);
  return completed(db, table, await q.execute());
}

/** A page of keys of `table` in order after `afterId`. */
export async function scanIds(db: Executor, table: RecordTable, afterId: string | null, limit: number): Promise<string[]> {
  let q = untyped(db).selectFrom(table).select(keyAsId(table)).orderBy(keyColumn(table)).limit(limit);
  if (afterId !== null) q = q.where(keyColumn(table), '>', afterId);
  return (await q.execute()).map((r) => r.id as string);
}

export const specVersion = (table: RecordTable) => CURRENT[table].version;
export const knownSpec = (table: RecordTable, version: number) => specOf(table, version) !== undefined;

/** The digest a seal holds: the chain's hash over table, spec version, id and the values. */
export const recordDigest = (table: RecordTable, version: number, id: string, values: RecordValues) =>
  crypto
    .createHash(AUDIT_ALGORITHM)
    .update(JSON.stringify([table, version, id, values]), 'utf8')
    .digest('hex');

/**
 * 32-bit FNV-1a of each value with its column name, 8 hex digits per column: enough to name which
 * column moved when a digest no longer matches. They prove nothing; the digest does.
 */
export function columnPrints(table: RecordTable, version: number, values: RecordValues): string {
  const names = sealedColumns(table, version);
  return values
    .map((v, i) => {
      const text = JSON.stringify([names[i], v]);
      let h = 0x811c9dc5;
      for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    })
    .join('');
}

export function sealOf(table: RecordTable, id: string, row: RecordRow | undefined): Seal {
  const v = specVersion(table);
  if (!row) return { t: table, id, v, d: null };
  const values = valuesOf(table, v, row);
  return { t: table, id, v, d: recordDigest(table, v, id, values), c: columnPrints(table, v, values) };
}

/** The seals of these rows as the caller's transaction sees them now (deleted rows get d: null). */
export async function sealsOf(db: Executor, refs: RecordRef[]): Promise<Seal[]> {
  const byTable = new Map<RecordTable, Set<string>>();
  for (const r of refs) byTable.set(r.table, (byTable.get(r.table) ?? new Set()).add(r.id));
  const seals: Seal[] = [];
  for (const [table, ids] of byTable) {
    const rows = await readRecords(db, table, [...ids]);
    for (const id of ids) seals.push(sealOf(table, id, rows.get(id)));
  }
  return seals;
}

/** Which sealed columns differ between a row now and the prints of its seal (under the seal's spec version). */
export function differingColumns(table: RecordTable, version: number, row: RecordRow, prints: string | undefined): string[] {
  const names = sealedColumns(table, version);
  const now = columnPrints(table, version, valuesOf(table, version, row));
  if (!prints || prints.length !== now.length) return names;
  return names.filter((_, i) => now.slice(i * 8, i * 8 + 8) !== prints.slice(i * 8, i * 8 + 8));
}
