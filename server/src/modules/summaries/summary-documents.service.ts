import type { z } from 'zod';
import {
  HalfYear,
  SummaryDocumentDraftBody as DraftSchema,
  SummaryDocumentEditBody as EditSchema,
  SummaryDocumentPublishBody as PublishSchema,
  SummaryDocumentQuery,
  SummaryMonth,
  type SummaryDocumentDraftBody,
  type SummaryDocumentEditBody,
  type SummaryDocumentPublishBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, forbidden, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { detailMessage } from '@qinlian/contracts';
import { reserveDocumentNumber } from '../document-numbers/index.ts';
import { cachedDepartmentsBasics, rootDepartmentBasics } from '../org/index.ts';
import { experiencesRepo } from './experiences.repo.ts';
import { monthlySummariesRepo } from './monthly-summaries.repo.ts';
import { summaryDocumentPolicy } from './summaries.policy.ts';
import { compile } from './summary-compilation.ts';
import { summaryDocumentsRepo, type SummaryDocumentRow } from './summary-documents.repo.ts';
import { halfLabel, halfSpan, monthHasEnded, monthLabel } from './summary-periods.ts';

/** 机关代字 until the office sets its own (e.g. 赣新勤廉): 勤廉办〔2026〕1号. */
export const DEFAULT_NUMBER_PREFIX = '勤廉办';

/** Compiled documents the actor may see: the published ones, and the drafts too for the office. */
export async function listSummaryDocuments(ctx: Ctx, q: z.output<typeof SummaryDocumentQuery>) {
  const publishedOnly = !ctx.actor!.permissions.has('summaries.review');
  return summaryDocumentsRepo.page(ctx.db, { ...q, publishedOnly }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/** A document or 404 (not there, or a draft shown to someone who does not compile). */
export async function loadSummaryDocument(ctx: Ctx, id: string): Promise<SummaryDocumentRow> {
  const row = await summaryDocumentsRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  summaryDocumentPolicy.assertVisible(ctx.actor!, row);
  return row;
}

/** The period must suit the kind (400), and be over (a month) or have begun (a half year). */
async function assertPeriod(tx: TxCtx, kind: string, period: string) {
  const fits = kind === 'monthly' ? SummaryMonth.safeParse(period).success : HalfYear.safeParse(period).success;
  if (!fits) throw invalid([{ path: 'body.period', message: detailMessage('summary_period_kind', tx.lang) }]);
  const today = shanghaiDate(tx.clock.now());
  if (kind === 'monthly' && !monthHasEnded(await calendarFor(tx.db), period, today))
    throw new DomainError('summary_period_not_ended', 409, { period });
  if (kind === 'experiences' && halfSpan(period).start > today)
    throw new DomainError('experience_period_future', 400, { period }, [{ path: 'body.period', message: 'experience_period_future' }]);
}

/** The organ a new draft names: as last published, else the office's own department, else the area. */
async function defaultOrgan(tx: TxCtx, kind: string) {
  const last = await summaryDocumentsRepo.lastPublished(tx.db, kind);
  if (last) return last;
  const own = tx.actor!.departmentId
    ? (await cachedDepartmentsBasics(tx.db, [tx.actor!.departmentId])).get(tx.actor!.departmentId)
    : undefined;
  const organ = own?.name ?? (await rootDepartmentBasics(tx.db))?.name ?? '';
  return { organ, numberPrefix: DEFAULT_NUMBER_PREFIX };
}

/**
 * 起草汇编: the area's monthly summary of an ended month, or the experience collection of a half year;
 * one of each per period (409 naming the one there). Its content is compiled whenever it is shown.
 */
export async function draftSummaryDocument(ctx: Ctx, input: SummaryDocumentDraftBody): Promise<SummaryDocumentRow> {
  const body = DraftSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    await assertPeriod(tx, body.kind, body.period);
    const existing = await summaryDocumentsRepo.ofPeriod(tx.db, body.kind, body.period);
    if (existing) throw new DomainError('summary_document_exists', 409, { period: body.period, title: existing.title });
    const now = iso(tx.clock.now());
    const row: SummaryDocumentRow = {
      id: newId(),
      kind: body.kind,
      period: body.period,
      title: body.kind === 'monthly' ? `${monthLabel(body.period)}工作小结` : `${halfLabel(body.period)}典型经验汇编`,
      ...(await defaultOrgan(tx, body.kind)),
      intro: '',
      status: 'draft',
      number: null,
      content: null,
      draftedAt: now,
      draftedByName: tx.actor!.name,
      publishedAt: null,
      publishedByName: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await summaryDocumentsRepo.insert(tx.db, row);
    await recordAudit(tx, { action: 'summary_document.draft', entityType: 'summary_document', entityId: row.id, after: row });
    return row;
  });
}

/** The draft to change: 404 out of sight, 409 once published (不可再改) or saved by someone else meanwhile, 403 to a reader. */
async function documentToChange(tx: TxCtx, id: string, version: number): Promise<SummaryDocumentRow> {
  const row = await loadSummaryDocument(tx, id);
  if (row.status === 'published') throw new DomainError('summary_document_published', 409, { title: row.title, number: row.number ?? '' });
  if (!summaryDocumentPolicy.allowed(tx.actor!, 'edit', row)) throw forbidden();
  if (row.version !== version) throw versionConflict();
  return row;
}

async function save(tx: TxCtx, before: SummaryDocumentRow, patch: Partial<SummaryDocumentRow>): Promise<SummaryDocumentRow> {
  const next = { ...patch, updatedAt: iso(tx.clock.now()) };
  if (!(await summaryDocumentsRepo.update(tx.db, before.id, before.version, next))) throw versionConflict();
  return { ...before, ...next, version: before.version + 1 };
}

/** 编辑: the draft's title, issuing organ, number prefix and opening words (编者按). */
export async function editSummaryDocument(ctx: Ctx, id: string, input: SummaryDocumentEditBody): Promise<SummaryDocumentRow> {
  const body = EditSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await documentToChange(tx, id, body.version);
    const after = await save(tx, before, { title: body.title, organ: body.organ, numberPrefix: body.numberPrefix, intro: body.intro });
    await recordAudit(tx, { action: 'summary_document.edit', entityType: 'summary_document', entityId: id, before, after });
    return after;
  });
}

/**
 * 发布: the draft is compiled one last time, given the next number of its prefix for this year
 * (reserveDocumentNumber, in this transaction) and kept as published — the document, the summaries
 * it carries (linked) and the experiences (published, immutable from now on), all at once. Nothing
 * to compile is a 409 and takes no number.
 */
export async function publishSummaryDocument(ctx: Ctx, id: string, input: SummaryDocumentPublishBody): Promise<SummaryDocumentRow> {
  const body = PublishSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await documentToChange(tx, id, body.version);
    const { entries, document } = await compile(tx, before);
    if (entries.length === 0) throw new DomainError('summary_document_empty', 409, { period: before.period });
    const now = tx.clock.now();
    const { number } = await reserveDocumentNumber(tx, {
      prefix: before.numberPrefix,
      year: Number(shanghaiDate(now).slice(0, 4)),
      holder: { entityType: 'summary_document', entityId: id },
    });
    const content = JSON.stringify({ ...document, number, date: shanghaiDate(now) });
    const after = await save(tx, before, { status: 'published', number, content, publishedAt: iso(now), publishedByName: tx.actor!.name });
    const ids = entries.map((e) => e.id);
    if (before.kind === 'monthly') await monthlySummariesRepo.attachToDocument(tx.db, ids, id);
    else await experiencesRepo.publish(tx.db, ids, id, iso(now));
    await recordAudit(tx, {
      action: 'summary_document.publish',
      entityType: 'summary_document',
      entityId: id,
      before,
      after: { ...after, entries: ids },
    });
    return after;
  });
}
