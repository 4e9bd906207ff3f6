import { inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from './audit.ts';
import { bindAuditTrail, type AuditTrail, type TrailSource } from './trail.ts';
import type { Executor } from '../db/database.ts';
import { RECORD_TABLES, RECORDS_BASELINE_ACTION, scanIds, type RecordTable } from './records.ts';
import { FIRST_BASELINE_TABLES } from './record-specs.ts';

const PAGE = 500;

/** The entity id of the event that closes a baseline and names the tables it covered (after.tables). */
export const BASELINE_TABLES_ENTITY = 'record_tables';

/**
 * 封印基线: seal the business rows that were written before sealing existed, once per table, so that
 * an existing database verifies with `--records` from then on. They are taken as they stand (trust
 * on first use). The first baseline sets `audit_head.records_sealed_from`; a table added to
 * RECORD_TABLES later (the office rules of issue 13) gets a baseline of its own at the first start
 * that knows it. Each baseline ends with an event naming the tables it covered, so the next start
 * finds them done by one indexed read of the chain; the first baselines, from before they named
 * their tables, covered FIRST_BASELINE_TABLES. A baseline recorded for a table whose rows were
 * already sealed (the mark cleared to launder an edit) is itself reported by verification. One event
 * per 500 rows, in one transaction that holds the chain's head, so no write interleaves.
 */
export async function sealRecordsBaseline(ctx: Ctx): Promise<number> {
  const head = await ctx.db.selectFrom('auditHead').select('recordsSealedFrom').where('id', '=', 1).executeTakeFirst();
  if (head?.recordsSealedFrom != null && (await tablesWithoutBaseline(ctx.db)).length === 0) return 0; // the usual start: no write lock taken
  return inTransaction(ctx, async (tx) => {
    const claimed = await tx.db
      .updateTable('auditHead')
      .set((eb) => ({ recordsSealedFrom: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .where('recordsSealedFrom', 'is', null)
      .returning('seq')
      .executeTakeFirst();
    // the head's row lock (taken by the claim, or before the read of what is done) holds off another instance's baseline until this one commits
    const tables = claimed ? [...RECORD_TABLES] : await tablesWithoutBaseline(tx.db, true);
    if (tables.length === 0) return 0;
    let sealed = 0;
    for (const table of tables) {
      let after: string | null = null;
      for (;;) {
        const ids = await scanIds(tx.db, table, after, PAGE);
        if (ids.length === 0) break;
        await recordAudit(tx, {
          action: RECORDS_BASELINE_ACTION,
          entityType: 'audit',
          entityId: null,
          after: { table, rows: ids.length, firstId: ids[0], lastId: ids.at(-1) },
          seal: ids.map((id) => ({ table, id })),
        });
        sealed += ids.length;
        after = ids.at(-1)!;
        if (ids.length < PAGE) break;
      }
    }
    await recordAudit(tx, {
      action: RECORDS_BASELINE_ACTION,
      entityType: 'audit',
      entityId: BASELINE_TABLES_ENTITY,
      after: { tables, rows: sealed },
    });
    return sealed;
  });
}

/**
 * The tracked tables no baseline has covered yet (once sealing has begun). `lock`: take the chain
 * head's row lock first, so that two instances starting at once do not both take one.
 */
async function tablesWithoutBaseline(db: Executor, lock = false): Promise<RecordTable[]> {
  if (lock)
    await db
      .updateTable('auditHead')
      .set((eb) => ({ seq: eb('seq', '+', 0) }))
      .where('id', '=', 1)
      .execute();
  const closings = await db
    .selectFrom('auditEvents')
    .select('afterJson')
    .where('entityType', '=', 'audit')
    .where('entityId', '=', BASELINE_TABLES_ENTITY)
    .where('action', '=', RECORDS_BASELINE_ACTION)
    .execute();
  const done = new Set<string>(FIRST_BASELINE_TABLES);
  for (const c of closings) for (const t of (JSON.parse(c.afterJson ?? '{}') as { tables?: string[] }).tables ?? []) done.add(t);
  return RECORD_TABLES.filter((t) => !done.has(t));
}

/**
 * Start-up (bootstrap.ts): bind the database to its audit key, checkpoint file and witness, say so
 * when the key is not the one the chain was written with, and take the records baseline once.
 */
export async function prepareAuditTrail(ctx: Ctx, config: TrailSource, log: (line: string) => void): Promise<AuditTrail> {
  const trail = bindAuditTrail(ctx.db, config);
  const last = await ctx.db
    .selectFrom('auditEvents')
    .select('mac')
    .where('mac', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastKey = last?.mac?.slice(0, last.mac.indexOf(':'));
  if (trail.key && lastKey && lastKey !== trail.key.id)
    log(
      `警告：审计密钥（${trail.key.id}，${trail.key.source}）不是写入审计链的密钥（${lastKey}），校验将失败；请恢复原 audit.key 或设置相同的 QINLIAN_AUDIT_KEY / ` +
        `WARNING: the audit key here (${trail.key.id}, ${trail.key.source}) is not the key the chain was written with (${lastKey}); verification will fail until that key is restored`,
    );
  const sealed = await sealRecordsBaseline(ctx);
  if (sealed) log(`审计：已为 ${sealed} 条既有业务记录建立封印基线 / audit: sealed ${sealed} existing business rows (baseline)`);
  return trail;
}
