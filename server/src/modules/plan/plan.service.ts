import {
  MeasureCreateBody as MeasureCreateSchema,
  PlanCreateBody as PlanCreateSchema,
  ProgrammeCreateBody as ProgrammeCreateSchema,
  WarningThresholds,
  detailMessage,
  type MeasureCreateBody,
  type PlanCreateBody,
  type PlanUpdateBody,
  type ProgrammeCreateBody,
} from '@qinlian/contracts';
import type { z } from 'zod';
import type { MeasureUpdateBody, ProgrammeUpdateBody } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { duplicate, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { iso } from '../../platform/clock.ts';
import { peopleBasics } from '../org/index.ts';
import { planRepo, type MeasureRow, type PlanRow, type ProgrammeRow } from './plan.repo.ts';
import { planPolicy } from './plan.policy.ts';
import { planTasks } from './plan-tasks.port.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

export const listPlans = (ctx: Ctx) => planRepo.listPlans(ctx.db);

export async function getPlan(ctx: Ctx, id: string): Promise<PlanRow> {
  const row = await planRepo.planById(ctx.db, id);
  if (!row) throw notFound();
  return row;
}

export async function createPlan(ctx: Ctx, input: PlanCreateBody): Promise<PlanRow> {
  const body = PlanCreateSchema.parse(input);
  if (body.endDate < body.startDate)
    throw invalid([{ path: 'body.endDate', message: detailMessage('date_before_start', ctx.lang, { start: body.startDate }) }]);
  return inTransaction(ctx, async (tx) => {
    planPolicy.assert(actorOf(tx), 'manage', null);
    if (await planRepo.planByName(tx.db, body.name)) throw duplicate('body.name', body.name);
    const now = iso(tx.clock.now());
    const row: PlanRow = {
      id: newId(),
      name: body.name,
      year: body.year,
      startDate: body.startDate,
      endDate: body.endDate,
      thresholds: JSON.stringify(WarningThresholds.parse(body.thresholds ?? {})),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await planRepo.insertPlan(tx.db, row);
    await recordAudit(tx, { action: 'plan.create', entityType: 'plan', entityId: row.id, after: row });
    return row;
  });
}

/**
 * Rename a plan or change its warning thresholds. New thresholds recolour the plan's tasks at once,
 * after the change commits: each task's colour change is its own write (the tasks module's
 * refreshWarnings, through plan-tasks.port.ts), so a large plan never holds one long transaction.
 */
export async function updatePlan(ctx: Ctx, id: string, patch: PlanUpdateBody): Promise<PlanRow> {
  const { row, thresholdsChanged } = await inTransaction(ctx, async (tx) => {
    const before = await getPlan(tx, id);
    planPolicy.assert(actorOf(tx), 'manage', null);
    if (patch.version !== undefined && patch.version !== before.version) throw versionConflict();
    const next: Partial<PlanRow> = { updatedAt: iso(tx.clock.now()) };
    if (patch.name !== undefined && patch.name !== before.name) {
      if (await planRepo.planByName(tx.db, patch.name)) throw duplicate('body.name', patch.name);
      next.name = patch.name;
    }
    if (patch.thresholds !== undefined) next.thresholds = JSON.stringify(patch.thresholds);
    if (!(await planRepo.updatePlan(tx.db, id, before.version, next))) throw versionConflict();
    const after = { ...before, ...next, version: before.version + 1 };
    await recordAudit(tx, { action: 'plan.update', entityType: 'plan', entityId: id, before, after });
    return { row: after, thresholdsChanged: next.thresholds !== undefined && next.thresholds !== before.thresholds };
  });
  if (thresholdsChanged) await planTasks().recolour(ctx, id);
  return row;
}

async function assertLeader(ctx: Ctx, personId: string | null | undefined, field: string) {
  if (!personId) return;
  const person = (await peopleBasics(ctx.db, [personId])).get(personId);
  if (!person) throw invalid([{ path: field, message: detailMessage('unknown_ref', ctx.lang) }]);
  if (person.status === 'left') throw invalid([{ path: field, message: detailMessage('person_left', ctx.lang, { name: person.name }) }]);
}

export async function createProgramme(ctx: Ctx, input: ProgrammeCreateBody): Promise<ProgrammeRow> {
  const body = ProgrammeCreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    planPolicy.assert(actorOf(tx), 'manage', null);
    const plan = await planRepo.planById(tx.db, body.planId);
    if (!plan) throw invalid([{ path: 'body.planId', message: detailMessage('unknown_ref', tx.lang) }]);
    if (await planRepo.programmeByCode(tx.db, plan.id, body.code)) throw duplicate('body.code', body.code);
    await assertLeader(tx, body.leaderPersonId, 'body.leaderPersonId');
    const now = iso(tx.clock.now());
    const row: ProgrammeRow = {
      id: newId(),
      planId: plan.id,
      code: body.code,
      name: body.name,
      sort: body.sort,
      weight: body.weight,
      leaderPersonId: body.leaderPersonId ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await planRepo.insertProgramme(tx.db, row);
    await recordAudit(tx, { action: 'programme.create', entityType: 'programme', entityId: row.id, after: row });
    return row;
  });
}

export async function updateProgramme(ctx: Ctx, id: string, patch: z.infer<typeof ProgrammeUpdateBody>): Promise<ProgrammeRow> {
  return inTransaction(ctx, async (tx) => {
    planPolicy.assert(actorOf(tx), 'manage', null);
    const before = await planRepo.programmeById(tx.db, id);
    if (!before) throw notFound();
    if (patch.version !== undefined && patch.version !== before.version) throw versionConflict();
    await assertLeader(tx, patch.leaderPersonId, 'body.leaderPersonId');
    const next: Partial<ProgrammeRow> = { updatedAt: iso(tx.clock.now()) };
    for (const k of ['name', 'sort', 'weight', 'leaderPersonId'] as const)
      if (patch[k] !== undefined) (next as Record<string, unknown>)[k] = patch[k];
    if (!(await planRepo.updateProgramme(tx.db, id, before.version, next))) throw versionConflict();
    const after = { ...before, ...next, version: before.version + 1 };
    await recordAudit(tx, { action: 'programme.update', entityType: 'programme', entityId: id, before, after });
    return after;
  });
}

export async function createMeasure(ctx: Ctx, input: MeasureCreateBody): Promise<MeasureRow> {
  const body = MeasureCreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    planPolicy.assert(actorOf(tx), 'manage', null);
    const programme = await planRepo.programmeById(tx.db, body.programmeId);
    if (!programme) throw invalid([{ path: 'body.programmeId', message: detailMessage('unknown_ref', tx.lang) }]);
    if (await planRepo.measureByCode(tx.db, programme.planId, body.code)) throw duplicate('body.code', body.code);
    const now = iso(tx.clock.now());
    const row: MeasureRow = {
      id: newId(),
      planId: programme.planId,
      programmeId: programme.id,
      code: body.code,
      name: body.name,
      sort: body.sort,
      weight: body.weight,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await planRepo.insertMeasure(tx.db, row);
    await recordAudit(tx, { action: 'measure.create', entityType: 'measure', entityId: row.id, after: row });
    return row;
  });
}

export async function updateMeasure(ctx: Ctx, id: string, patch: z.infer<typeof MeasureUpdateBody>): Promise<MeasureRow> {
  return inTransaction(ctx, async (tx) => {
    planPolicy.assert(actorOf(tx), 'manage', null);
    const before = await planRepo.measureById(tx.db, id);
    if (!before) throw notFound();
    if (patch.version !== undefined && patch.version !== before.version) throw versionConflict();
    const next: Partial<MeasureRow> = { updatedAt: iso(tx.clock.now()) };
    for (const k of ['name', 'sort', 'weight'] as const) if (patch[k] !== undefined) (next as Record<string, unknown>)[k] = patch[k];
    if (!(await planRepo.updateMeasure(tx.db, id, before.version, next))) throw versionConflict();
    const after = { ...before, ...next, version: before.version + 1 };
    await recordAudit(tx, { action: 'measure.update', entityType: 'measure', entityId: id, before, after });
    return after;
  });
}

/** A plan's warning thresholds (预警阈值) as the contract has them. */
export const thresholdsOf = (plan: Pick<PlanRow, 'thresholds'>) => WarningThresholds.parse(JSON.parse(plan.thresholds));

/** For readers elsewhere (the tasks module): rows by id, and a plan's programmes and measures in order. */
export const planById = planRepo.planById;
export const measureById = planRepo.measureById;
export const programmesOf = planRepo.programmesOf;
export const measuresOf = planRepo.measuresOf;

/** A programme or measure that a plan workbook names and the plan lacks, written with its audit record (plan import). */
export async function addImportedProgramme(tx: TxCtx, row: ProgrammeRow) {
  await planRepo.insertProgramme(tx.db, row);
  await recordAudit(tx, { action: 'programme.create', entityType: 'programme', entityId: row.id, after: row });
}
export async function addImportedMeasure(tx: TxCtx, row: MeasureRow) {
  await planRepo.insertMeasure(tx.db, row);
  await recordAudit(tx, { action: 'measure.create', entityType: 'measure', entityId: row.id, after: row });
}
