import { inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from './audit.ts';
import { bindAuditTrail, type AuditTrail, type TrailSource } from './trail.ts';
import { RECORD_TABLES, RECORDS_BASELINE_ACTION, scanIds } from './records.ts';

const PAGE = 500;

/**
 * 封印基线: seal the business rows that were written before sealing existed, once, so that an
 * existing database verifies with `--records` from then on. They are taken as they stand (trust on
 * first use); `audit_head.records_sealed_from` marks it done, and a baseline recorded after sealing
 * had begun (the mark cleared) is itself reported by verification. One event per 500 rows, in one
 * transaction that holds the chain's head, so no write interleaves.
 */
export async function sealRecordsBaseline(ctx: Ctx): Promise<number> {
  const head = await ctx.db.selectFrom('auditHead').select('recordsSealedFrom').where('id', '=', 1).executeTakeFirst();
  if (head?.recordsSealedFrom != null) return 0; // the usual start: nothing to write, no write lock taken
  return inTransaction(ctx, async (tx) => {
    const claimed = await tx.db
      .updateTable('auditHead')
      .set((eb) => ({ recordsSealedFrom: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .where('recordsSealedFrom', 'is', null)
      .returning('seq')
      .executeTakeFirst();
    if (!claimed) return 0;
    let sealed = 0;
    for (const table of RECORD_TABLES) {
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
    return sealed;
  });
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
