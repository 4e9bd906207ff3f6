import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { SummaryDocumentsTable } from '../../platform/db/schema-summaries.ts';

export type SummaryDocumentRow = SummaryDocumentsTable;
export type SummaryDocumentFilter = { kind?: string; status?: string; publishedOnly: boolean };

/** The SQL of the compiled documents (汇编). */
export const summaryDocumentsRepo = {
  byId: (db: Executor, id: string) => db.selectFrom('summaryDocuments').selectAll().where('id', '=', id).executeTakeFirst(),
  ofPeriod: (db: Executor, kind: string, period: string) =>
    db.selectFrom('summaryDocuments').selectAll().where('kind', '=', kind).where('period', '=', period).executeTakeFirst(),
  insert: (db: Executor, row: SummaryDocumentRow) => db.insertInto('summaryDocuments').values(row).execute(),
  /** Optimistic update: false when the version moved on. */
  update: (db: Executor, id: string, version: number, patch: Partial<SummaryDocumentRow>) =>
    updateVersioned(db, 'summaryDocuments', id, version, patch),
  /** The organ and number prefix the office last published this kind with: a new draft starts from them. */
  lastPublished: (db: Executor, kind: string) =>
    db
      .selectFrom('summaryDocuments')
      .select(['organ', 'numberPrefix'])
      .where('kind', '=', kind)
      .where('status', '=', 'published')
      .orderBy('publishedAt', 'desc')
      .executeTakeFirst(),

  /** A page, newest period first. */
  async page(db: Executor, f: SummaryDocumentFilter, page: { limit: number; offset: number }) {
    let q = db.selectFrom('summaryDocuments');
    if (f.publishedOnly) q = q.where('status', '=', 'published');
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.status) q = q.where('status', '=', f.status);
    const [items, total] = await Promise.all([
      q.selectAll().orderBy('period', 'desc').orderBy('kind').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },
};
