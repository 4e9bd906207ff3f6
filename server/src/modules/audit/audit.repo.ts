import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { AuditCheckpointsTable, AuditSigningKeysTable } from '../../platform/db/schema.ts';

type AuditFilter = { action?: string; entityType?: string; entityId?: string; actorId?: string; q?: string; from?: string; to?: string };

/** Read side of the audit chain (the platform appends; this module lists). */
export const auditRepo = {
  async page(db: Executor, f: AuditFilter & { page: number; pageSize: number }) {
    let base = db.selectFrom('auditEvents');
    if (f.action) base = base.where('action', '=', f.action);
    if (f.entityType) base = base.where('entityType', '=', f.entityType);
    if (f.entityId) base = base.where('entityId', '=', f.entityId);
    if (f.actorId) base = base.where('actorId', '=', f.actorId);
    if (f.from) base = base.where('at', '>=', f.from);
    if (f.to) base = base.where('at', '<=', f.to);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // ESCAPE spelled out: PostgreSQL escapes with a backslash by default, SQLite has no default.
      const matches = (column: string) => sql<SqlBool>`${sql.ref(column)} like ${like} escape '\\'`;
      base = base.where((eb) => eb.or(['actorName', 'action', 'entityId', 'afterJson', 'beforeJson'].map(matches)));
    }
    const [items, total] = await Promise.all([
      base
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  head: (db: Executor) => db.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst(),
  latestCheckpoint: (db: Executor) =>
    db.selectFrom('auditCheckpoints').selectAll().orderBy('seq', 'desc').orderBy('at', 'desc').limit(1).executeTakeFirst(),
  checkpointById: (db: Executor, id: string) => db.selectFrom('auditCheckpoints').selectAll().where('id', '=', id).executeTakeFirst(),
  insertCheckpoint: (db: Executor, row: AuditCheckpointsTable) => db.insertInto('auditCheckpoints').values(row).execute(),
  witnessed: (
    db: Executor,
    id: string,
    patch: Pick<AuditCheckpointsTable, 'witnessStatus' | 'witnessAttempts' | 'witnessError' | 'witnessAt'>,
  ) => db.updateTable('auditCheckpoints').set(patch).where('id', '=', id).execute(),
  /** checkpoints the witness has not acknowledged (pending or failed), oldest first */
  unwitnessed: (db: Executor) =>
    db.selectFrom('auditCheckpoints').selectAll().where('witnessStatus', 'in', ['pending', 'failed']).orderBy('seq').execute(),

  /** one chained row's hash and algorithm (a checkpoint's row, the head's row) */
  rowHash: (db: Executor, seq: number) =>
    db.selectFrom('auditEvents').select(['seq', 'hash', 'algorithm']).where('seq', '=', seq).executeTakeFirst(),

  /** the open key first, then the retired ones, newest first */
  signingKeys: (db: Executor) =>
    db
      .selectFrom('auditSigningKeys')
      .selectAll()
      .orderBy(sql`case when valid_until is null then 0 else 1 end`)
      .orderBy('validFrom', 'desc')
      .orderBy('id')
      .execute(),
  signingKeyById: (db: Executor, id: string) => db.selectFrom('auditSigningKeys').selectAll().where('id', '=', id).executeTakeFirst(),
  /** true when this call added the key (a concurrent signer may have added it first) */
  async addSigningKey(db: Executor, row: AuditSigningKeysTable) {
    const r = await db
      .insertInto('auditSigningKeys')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  /** close every open key but `keepId`; returns the ids closed */
  async retireSigningKeysBut(db: Executor, keepId: string, until: string) {
    const open = await db.selectFrom('auditSigningKeys').select('id').where('validUntil', 'is', null).where('id', '!=', keepId).execute();
    if (open.length)
      await db
        .updateTable('auditSigningKeys')
        .set({ validUntil: until })
        .where(
          'id',
          'in',
          open.map((k) => k.id),
        )
        .execute();
    return open.map((k) => k.id);
  },
};
