import type { Ctx } from '../../platform/context.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import type { OfficialDocument } from '../../platform/documents/official/index.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { experiencesRepo } from './experiences.repo.ts';
import { monthlySummariesRepo } from './monthly-summaries.repo.ts';
import { experienceCollection, monthlyCompilation, type DocumentHead } from './summary-document.content.ts';
import type { SummaryDocumentRow } from './summary-documents.repo.ts';
import { inTreeOrder } from './summary-departments.ts';
import { frozenFigures } from './summary-figures.ts';

/** One record a compiled document carries: a department's accepted summary, or a selected experience. */
export type CompiledEntry = { id: string; departmentName: string; title: string };
export type Compilation = {
  entries: CompiledEntry[];
  /** monthly drafts: the departments asked for the month whose summary is not accepted yet */
  missing: string[];
  document: OfficialDocument;
};

const headOf = (row: SummaryDocumentRow, date: string): DocumentHead => ({
  title: row.title,
  organ: row.organ,
  number: row.number ?? undefined,
  date,
  intro: row.intro,
});

async function namesOf(ctx: Ctx, departmentIds: string[]) {
  const departments = await cachedDepartmentsBasics(ctx.db, departmentIds);
  return (id: string) => departments.get(id)?.name ?? '';
}

/** 月度工作小结: the accepted summaries of the month (a draft: as they are now; published: those it carries). */
async function compileMonthly(ctx: Ctx, row: SummaryDocumentRow, date: string): Promise<Compilation> {
  const published = row.status === 'published';
  const rows = published
    ? await monthlySummariesRepo.ofDocument(ctx.db, row.id)
    : await monthlySummariesRepo.ofMonthIn(ctx.db, row.period, ['accepted']);
  const waiting = published ? [] : await monthlySummariesRepo.ofMonthIn(ctx.db, row.period, ['requested', 'submitted', 'returned']);
  const nameOf = await namesOf(
    ctx,
    [...rows, ...waiting].map((r) => r.departmentId),
  );
  const ordered = await inTreeOrder(ctx.db, rows, (r) => nameOf(r.departmentId));
  const entries = ordered.map((r) => ({
    departmentName: nameOf(r.departmentId),
    figures: frozenFigures(r)!,
    highlights: r.highlights,
    problems: r.problems,
    nextPlan: r.nextPlan,
  }));
  return {
    entries: ordered.map((r) => ({ id: r.id, departmentName: nameOf(r.departmentId), title: nameOf(r.departmentId) })),
    missing: (await inTreeOrder(ctx.db, waiting, (r) => nameOf(r.departmentId))).map((r) => nameOf(r.departmentId)),
    document: monthlyCompilation(headOf(row, date), row.period, entries),
  };
}

/** 典型经验汇编: the selected experiences of the half year (a draft), or those it carries (published). */
async function compileExperiences(ctx: Ctx, row: SummaryDocumentRow, date: string): Promise<Compilation> {
  const rows =
    row.status === 'published' ? await experiencesRepo.ofDocument(ctx.db, row.id) : await experiencesRepo.selectedOf(ctx.db, row.period);
  const nameOf = await namesOf(
    ctx,
    rows.map((r) => r.departmentId),
  );
  const entries = rows.map((r) => ({ departmentName: nameOf(r.departmentId), title: r.title, text: r.body }));
  return {
    entries: rows.map((r) => ({ id: r.id, departmentName: nameOf(r.departmentId), title: r.title })),
    missing: [],
    document: experienceCollection(headOf(row, date), row.period, entries),
  };
}

/**
 * What a compiled document holds now. A draft is compiled afresh, dated today and without a number;
 * a published one prints exactly what was published (its stored content), whatever changed since.
 */
export async function compile(ctx: Ctx, row: SummaryDocumentRow): Promise<Compilation> {
  const date = row.publishedAt ? shanghaiDate(new Date(row.publishedAt)) : shanghaiDate(ctx.clock.now());
  const compiled = row.kind === 'monthly' ? await compileMonthly(ctx, row, date) : await compileExperiences(ctx, row, date);
  if (row.content) compiled.document = JSON.parse(row.content) as OfficialDocument;
  return compiled;
}
