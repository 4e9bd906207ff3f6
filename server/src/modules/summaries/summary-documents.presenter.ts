import type { SummaryDocument, SummaryDocumentKind, SummaryDocumentListItem, SummaryDocumentStatus } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { documentAbilities } from './summaries.policy.ts';
import type { Compilation } from './summary-compilation.ts';
import type { SummaryDocumentRow } from './summary-documents.repo.ts';

export const presentDocumentListItem = (r: SummaryDocumentRow): SummaryDocumentListItem => ({
  id: r.id,
  kind: r.kind as SummaryDocumentKind,
  period: r.period,
  title: r.title,
  status: r.status as SummaryDocumentStatus,
  number: r.number,
  draftedAt: r.draftedAt,
  publishedAt: r.publishedAt,
  version: r.version,
});

/** A compiled document with what it carries (a draft: what it would compile now) and the buttons the actor may use. */
export const presentSummaryDocument = (ctx: Ctx, r: SummaryDocumentRow, compiled: Compilation): SummaryDocument => ({
  ...presentDocumentListItem(r),
  organ: r.organ,
  numberPrefix: r.numberPrefix,
  intro: r.intro,
  draftedByName: r.draftedByName,
  publishedByName: r.publishedByName,
  entries: compiled.entries,
  missing: compiled.missing,
  abilities: documentAbilities(ctx.actor!, r),
});
