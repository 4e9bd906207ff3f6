import {
  SolicitationBody as CreateSchema,
  SolicitationPatchBody as PatchSchema,
  type PublicSolicitation,
  type Solicitation,
  type SolicitationBody,
  type SolicitationPatchBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { newTrackingCode, normalizeTrackingCode } from '../../platform/public/tracking-code.ts';
import { demandsRepo, type SolicitationRow } from './demands.repo.ts';
import { solicitationPolicy } from './solicitations.policy.ts';
import { presentPublicSolicitation, presentSolicitation } from './solicitations.presenter.ts';

/*
 * 征集活动: a campaign asks the public for next year's livelihood projects (民生实事) over a period,
 * in a few categories, on a public page its QR poster leads to. Whether it takes suggestions today is
 * decided where they come in (receiveDemand: 409 solicitation_closed outside the period).
 */

const notFound = () => new DomainError('solicitation_not_found', 404);

/** The same category twice is one category; the order is the office's. */
const distinct = (categories: string[]) => JSON.stringify([...new Set(categories)]);

function assertDatesInOrder(opensOn: string, closesOn: string) {
  if (closesOn < opensOn)
    throw new DomainError('solicitation_dates_order', 400, { opensOn, closesOn }, [
      { path: 'body.closesOn', message: 'solicitation_dates_order' },
    ]);
}

async function solicitationRow(db: Executor, id: string): Promise<SolicitationRow> {
  const row = await demandsRepo.solicitationById(db, id);
  if (!row) throw notFound();
  return row;
}

async function present(db: Executor, rows: SolicitationRow[], now: Date): Promise<Solicitation[]> {
  const counts = await demandsRepo.submissionCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentSolicitation(r, counts.get(r.id) ?? 0, now));
}

/** Every campaign, the latest first, with how many suggestions each has had. */
export async function listSolicitations(ctx: Ctx): Promise<Solicitation[]> {
  solicitationPolicy.assert(ctx.actor!, 'read', {});
  return present(ctx.db, await demandsRepo.solicitations(ctx.db), ctx.clock.now());
}

export async function getSolicitation(ctx: Ctx, id: string): Promise<Solicitation> {
  solicitationPolicy.assert(ctx.actor!, 'read', {});
  const [one] = await present(ctx.db, [await solicitationRow(ctx.db, id)], ctx.clock.now());
  return one!;
}

/** 发起征集: a period, categories and a new unguessable public code for its page and poster. Audited. */
export async function createSolicitation(ctx: Ctx, input: SolicitationBody): Promise<Solicitation> {
  const body = CreateSchema.parse(input); // its refine refuses a closing day before the opening day
  const row = await inTransaction(ctx, async (tx) => {
    solicitationPolicy.assert(tx.actor!, 'manage', {});
    const now = iso(tx.clock.now());
    const created: SolicitationRow = {
      id: newId(),
      code: newTrackingCode(),
      title: body.title,
      description: body.description,
      categories: distinct(body.categories),
      opensOn: body.opensOn,
      closesOn: body.closesOn,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await demandsRepo.insertSolicitation(tx.db, created);
    await recordAudit(tx, { action: 'solicitation.create', entityType: 'solicitation', entityId: created.id, after: created });
    return created;
  });
  return presentSolicitation(row, 0, ctx.clock.now());
}

/** 修改征集活动 at the version the editor read (409 when someone changed it meanwhile); its code stays. Audited. */
export async function updateSolicitation(ctx: Ctx, id: string, input: SolicitationPatchBody): Promise<Solicitation> {
  const body = PatchSchema.parse(input);
  await inTransaction(ctx, async (tx) => {
    solicitationPolicy.assert(tx.actor!, 'manage', {});
    const before = await solicitationRow(tx.db, id);
    if (before.version !== body.version) throw versionConflict();
    const patch: Partial<SolicitationRow> = {
      title: body.title ?? before.title,
      description: body.description ?? before.description,
      categories: body.categories ? distinct(body.categories) : before.categories,
      opensOn: body.opensOn ?? before.opensOn,
      closesOn: body.closesOn ?? before.closesOn,
      updatedAt: iso(tx.clock.now()),
    };
    assertDatesInOrder(patch.opensOn!, patch.closesOn!);
    if (!(await demandsRepo.updateSolicitation(tx.db, id, before.version, patch))) throw versionConflict();
    const after = { ...before, ...patch, version: before.version + 1 };
    await recordAudit(tx, { action: 'solicitation.update', entityType: 'solicitation', entityId: id, before, after });
  });
  return getSolicitation(ctx, id);
}

/**
 * The campaign behind a public code as a person typed it (any case, spaces, hyphens), or 404
 * solicitation_not_found — the same for a malformed code as for an unknown one, so the answer never
 * says whether a campaign is behind it. Whether it is open today is receiveDemand's to say.
 */
export async function openSolicitationByCode(db: Executor, code: string): Promise<SolicitationRow> {
  const normalized = normalizeTrackingCode(code);
  const row = normalized ? await demandsRepo.solicitationByCode(db, normalized) : undefined;
  if (!row) throw notFound();
  return row;
}

/** The campaign's public page: what it asks, until when, and whether it takes suggestions now. */
export async function publicSolicitation(ctx: Ctx, code: string): Promise<PublicSolicitation> {
  return presentPublicSolicitation(await openSolicitationByCode(ctx.db, code), ctx.clock.now());
}

/** The campaign a poster is printed for (demands.read). */
export async function solicitationForPoster(ctx: Ctx, id: string): Promise<SolicitationRow> {
  solicitationPolicy.assert(ctx.actor!, 'read', {});
  return solicitationRow(ctx.db, id);
}
