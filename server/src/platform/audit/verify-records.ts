import type { Executor } from '../db/database.ts';
import type { AuditEventsTable } from '../db/schema.ts';
import type { AuditTrail } from './trail.ts';
import { verifyAuditChain, type ChainCheck } from './verify.ts';
import {
  differingColumns,
  knownSpec,
  recordDigest,
  RECORD_TABLES,
  RECORDS_BASELINE_ACTION,
  scanRecords,
  valuesOf,
  type RecordTable,
  type Seal,
} from './records.ts';

/** A business row that does not match the audit log: changed, added or removed outside the app. */
export type RecordProblem = {
  table: RecordTable;
  id: string;
  kind: 'changed' | 'added' | 'removed';
  /** the sealed columns that differ (changed), or what the row is missing (derived columns) */
  columns: string[];
  /** the event whose seal the row was held to; null when the row has none */
  seq: number | null;
};

export type RecordsCheck = {
  ok: boolean;
  /** current rows compared */
  rows: number;
  /** problems, at most MAX_LISTED of them; `more` counts the rest */
  problems: RecordProblem[];
  more: number;
  /** a records baseline of a table whose rows were already sealed (it would accept them as they stood): its row */
  rebaselinedAt: number | null;
};

export type AuditCheck = { chain: ChainCheck; records: RecordsCheck | null };

const MAX_LISTED = 1000;
const PAGE = 1000;

/**
 * `audit verify --records`: verify the chain, and hold every current row of the tracked tables to
 * the latest seal the chain holds for it — a row changed since, one no event wrote, one gone
 * though its last event left it standing. Memory: one entry per sealed row (about 350 bytes).
 */
export async function verifyAuditRecords(db: Executor, opts: { trail?: AuditTrail | null } = {}): Promise<AuditCheck> {
  const latest = new Map<RecordTable, Map<string, string>>(RECORD_TABLES.map((t) => [t, new Map()]));
  let rebaselinedAt: number | null = null;
  // A baseline accepts the rows as they stand, so each table has one: the consecutive baseline events
  // of one start. A baseline event sealing a table that an earlier event had sealed means a mark was
  // cleared to re-seal edited rows. Tables added later get their own baseline, which seals nothing sealed before.
  const sealedBefore = new Set<string>();
  let baselineRun = new Set<string>();
  const onRow = (row: AuditEventsTable) => {
    const baseline = row.action === RECORDS_BASELINE_ACTION;
    if (!baseline && baselineRun.size) {
      for (const t of baselineRun) sealedBefore.add(t);
      baselineRun = new Set();
    }
    if (!row.seals) return;
    for (const s of JSON.parse(row.seals) as Seal[]) {
      if (baseline && sealedBefore.has(s.t)) rebaselinedAt ??= row.seq;
      (baseline ? baselineRun : sealedBefore).add(s.t);
      latest.get(s.t)?.set(s.id, `${row.seq}|${s.v}|${s.d ?? ''}`);
    }
  };
  const chain = await verifyAuditChain(db, { trail: opts.trail, onRow });
  if (!chain.ok) return { chain, records: null };

  const problems: RecordProblem[] = [];
  let more = 0;
  const report = (p: RecordProblem) => (problems.length < MAX_LISTED ? problems.push(p) : more++);
  let rows = 0;
  for (const table of RECORD_TABLES) {
    const sealed = latest.get(table)!;
    let after: string | null = null;
    for (;;) {
      const page = await scanRecords(db, table, after, PAGE);
      for (const { id, row } of page) {
        rows++;
        const entry = sealed.get(id);
        sealed.delete(id);
        if (!entry) {
          report({ table, id, kind: 'added', columns: [], seq: null });
          continue;
        }
        const [seqText, vText, digest] = entry.split('|') as [string, string, string];
        const [seq, v] = [Number(seqText), Number(vText)];
        if (!digest) report({ table, id, kind: 'added', columns: [], seq });
        else if (!knownSpec(table, v) || recordDigest(table, v, id, valuesOf(table, v, row)) !== digest) {
          // which columns: only for the rows that will be listed (one read of the sealing event each)
          const columns = problems.length < MAX_LISTED ? differingColumns(table, v, row, await printsOf(db, seq, table, id)) : [];
          report({ table, id, kind: 'changed', columns, seq });
        }
      }
      if (page.length < PAGE) break;
      after = page.at(-1)!.id;
    }
    for (const [id, entry] of sealed) {
      const [seqText, , digest] = entry.split('|');
      if (digest) report({ table, id, kind: 'removed', columns: [], seq: Number(seqText) });
    }
  }
  for (const p of await departmentPlacement(db)) report(p);
  const ok = problems.length === 0 && rebaselinedAt === null;
  return { chain, records: { ok, rows, problems, more, rebaselinedAt } };
}

/** The column prints of a row's seal, read back from the event that holds it (only for rows that differ). */
async function printsOf(db: Executor, seq: number, table: RecordTable, id: string): Promise<string | undefined> {
  const event = await db.selectFrom('auditEvents').select('seals').where('seq', '=', seq).executeTakeFirst();
  const seals = event?.seals ? (JSON.parse(event.seals) as Seal[]) : [];
  return seals.find((s) => s.t === table && s.id === id)?.c;
}

/** Departments' path and depth are not sealed; they must follow from the sealed parent_id. */
async function departmentPlacement(db: Executor): Promise<RecordProblem[]> {
  const all = await db.selectFrom('departments').select(['id', 'parentId', 'path', 'depth']).execute();
  const byId = new Map(all.map((d) => [d.id, d]));
  const problems: RecordProblem[] = [];
  for (const d of all) {
    const parent = d.parentId ? byId.get(d.parentId) : null;
    const columns: string[] = [];
    if (d.path !== `${parent ? parent.path : '/'}${d.id}/`) columns.push('path');
    if (d.depth !== (parent ? parent.depth + 1 : 0)) columns.push('depth');
    if (columns.length) problems.push({ table: 'departments', id: d.id, kind: 'changed', columns, seq: null });
  }
  return problems;
}
