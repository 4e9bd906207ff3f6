import type { z } from 'zod';
import {
  ExperienceEditBody as EditSchema,
  ExperienceQuery,
  ExperienceSelectBody as SelectSchema,
  ExperienceSubmitBody as SubmitSchema,
  type ExperienceEditBody,
  type ExperienceSelectBody,
  type ExperienceSubmitBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { experiencesRepo, type ExperienceRow } from './experiences.repo.ts';
import { visibilityOf } from './monthly-summaries.service.ts';
import { experiencePolicy } from './summaries.policy.ts';
import { summaryDocumentsRepo } from './summary-documents.repo.ts';
import { submittingDepartment } from './summary-departments.ts';
import { halfOf } from './summary-periods.ts';

/** 典型经验 the actor may see (their departments', or all), newest half year first. */
export async function listExperiences(ctx: Ctx, q: z.output<typeof ExperienceQuery>) {
  return experiencesRepo.page(ctx.db, visibilityOf(ctx), q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/** An experience or 404 (not there, or out of the actor's sight). */
export async function loadExperience(ctx: Ctx, id: string): Promise<ExperienceRow> {
  const row = await experiencesRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  experiencePolicy.assertVisible(ctx.actor!, row);
  return row;
}

/** The half year's collection is out: nothing of it may be added or changed any more (409). */
async function assertCollectionOpen(tx: TxCtx, period: string) {
  const collection = await summaryDocumentsRepo.ofPeriod(tx.db, 'experiences', period);
  if (collection?.status === 'published') throw new DomainError('experience_collection_published', 409, { period });
}

/** One title once per department and half year (409), so a double click does not file it twice. */
async function assertNewTitle(tx: TxCtx, row: Pick<ExperienceRow, 'departmentId' | 'period' | 'title' | 'id'>) {
  if (await experiencesRepo.titled(tx.db, row.departmentId, row.period, row.title, row.id))
    throw new DomainError('experience_duplicate', 409, { period: row.period, title: row.title }, [
      { path: 'body.title', message: 'experience_duplicate' },
    ]);
}

/**
 * 提交典型经验: a department files an experience for a half year (by default the current one) — not one
 * still to come, not one whose collection is published, not a title it filed already for it.
 */
export async function submitExperience(ctx: Ctx, input: ExperienceSubmitBody): Promise<ExperienceRow> {
  const body = SubmitSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const department = await submittingDepartment(tx, body.departmentId);
    const current = halfOf(shanghaiDate(tx.clock.now()));
    const period = body.period ?? current;
    if (period > current)
      throw new DomainError('experience_period_future', 400, { period }, [{ path: 'body.period', message: 'experience_period_future' }]);
    await assertCollectionOpen(tx, period);
    const now = iso(tx.clock.now());
    const row: ExperienceRow = {
      id: newId(),
      period,
      departmentId: department.id,
      title: body.title,
      body: body.text,
      status: 'submitted',
      submittedAt: now,
      submittedByName: tx.actor!.name,
      selectedAt: null,
      editedByName: null,
      documentId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await assertNewTitle(tx, row);
    await experiencesRepo.insert(tx.db, row);
    await recordAudit(tx, { action: 'typical_experience.submit', entityType: 'typical_experience', entityId: row.id, after: row });
    return row;
  });
}

/** The experience to change: 404 out of sight, 403 to a mere reader, 409 once it (or its half year's collection) is published, or when someone saved it meanwhile. */
async function experienceToChange(tx: TxCtx, id: string, version: number): Promise<ExperienceRow> {
  const row = await loadExperience(tx, id);
  const { permissions } = tx.actor!;
  if (!permissions.has('summaries.submit') && !permissions.has('summaries.review')) throw forbidden();
  if (row.status === 'published') throw new DomainError('experience_published', 409);
  await assertCollectionOpen(tx, row.period);
  if (row.version !== version) throw versionConflict();
  return row;
}

async function save(tx: TxCtx, before: ExperienceRow, patch: Partial<ExperienceRow>, action: string): Promise<ExperienceRow> {
  const next = { ...patch, updatedAt: iso(tx.clock.now()) };
  if (!(await experiencesRepo.update(tx.db, before.id, before.version, next))) throw versionConflict();
  const after = { ...before, ...next, version: before.version + 1 };
  await recordAudit(tx, { action, entityType: 'typical_experience', entityId: before.id, before, after });
  return after;
}

/**
 * 修改: the department its own while the office has not selected it; the office (编辑) until it is
 * published — then the experience carries the office member's name as its last editor.
 */
export async function editExperience(ctx: Ctx, id: string, input: ExperienceEditBody): Promise<ExperienceRow> {
  const body = EditSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await experienceToChange(tx, id, body.version);
    const own = experiencePolicy.allowed(tx.actor!, 'edit', before);
    if (!own && !experiencePolicy.allowed(tx.actor!, 'curate', before)) throw forbidden();
    await assertNewTitle(tx, { ...before, title: body.title });
    return save(
      tx,
      before,
      { title: body.title, body: body.text, editedByName: own ? before.editedByName : tx.actor!.name },
      'typical_experience.edit',
    );
  });
}

/** 遴选: the office takes an experience into its half year's collection, or out again, until the collection is published. */
export async function selectExperience(ctx: Ctx, id: string, input: ExperienceSelectBody): Promise<ExperienceRow> {
  const body = SelectSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await experienceToChange(tx, id, body.version);
    experiencePolicy.assert(tx.actor!, 'curate', before);
    const patch = body.selected
      ? { status: 'selected', selectedAt: before.selectedAt ?? iso(tx.clock.now()) }
      : { status: 'submitted', selectedAt: null };
    return save(tx, before, patch, body.selected ? 'typical_experience.select' : 'typical_experience.deselect');
  });
}
