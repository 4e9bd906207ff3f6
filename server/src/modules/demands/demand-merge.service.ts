import { DemandMergeBody as MergeSchema, type DemandMergeBody } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { formatTrackingCode as shown } from '../../platform/public/tracking-code.ts';
import { demandPolicy, stepAllowedFrom } from './demands.policy.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';
import { wrongDemandStatus } from './demand-status.ts';
import { similarDemands, type SimilarDemand } from './demand-similarity.ts';

/** An item after a merge or its undo, and the item it joined (or left), each at its new version. */
export type MergeOutcome = { item: DemandRow; target: DemandRow };

/** 并单候选: the items like this one that the actor may see, best first. */
export async function similarToDemand(ctx: Ctx, id: string): Promise<SimilarDemand[]> {
  const actor = ctx.actor!;
  const row = await demandsRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  demandPolicy.assert(actor, 'read', row);
  return similarDemands(ctx.db, `${row.title}\n${row.body}`, { excludeId: id, visible: (r) => demandPolicy.canSee(actor, r) });
}

/** The item the office acts on: 404 out of sight, 403 to anyone but the office. */
async function itemToMerge(tx: TxCtx, id: string): Promise<DemandRow> {
  const row = await demandsRepo.byId(tx.db, id);
  if (!row || !demandPolicy.canSee(tx.actor!, row)) throw notFound();
  if (!demandPolicy.allowed(tx.actor!, 'dispatch', row)) throw forbidden();
  return row;
}

const codeOf = async (tx: TxCtx, id: string) => shown((await demandsRepo.byId(tx.db, id))?.code ?? id);

/**
 * Both items move on a version, so that two clerks merging around the same item at once conflict
 * (409) rather than build a chain (A into B while B goes into C); each gets its history line.
 */
async function writeBoth(tx: TxCtx, item: DemandRow, target: DemandRow, mergedIntoId: string | null, kinds: [string, string]) {
  const now = iso(tx.clock.now());
  if (!(await demandsRepo.update(tx.db, item.id, item.version, { mergedIntoId, updatedAt: now }))) throw versionConflict();
  if (!(await demandsRepo.update(tx.db, target.id, target.version, { updatedAt: now }))) throw versionConflict();
  const event = (demandId: string, kind: string, other: DemandRow) =>
    demandsRepo.insertEvent(tx.db, {
      id: newId(),
      demandId,
      kind,
      personId: tx.actor!.personId,
      departmentId: null,
      note: shown(other.code),
      at: now,
    });
  await event(item.id, kinds[0], target);
  await event(target.id, kinds[1], item);
  return {
    item: { ...item, mergedIntoId, updatedAt: now, version: item.version + 1 },
    target: { ...target, updatedAt: now, version: target.version + 1 },
  };
}

/**
 * 并单: this item joins `intoId` — it leaves the lists, and the reply to that item reaches its
 * submitter too. Refused: an item merged already, past handling, or with items merged into it (one
 * level only, so every reply finds all its submitters); merging into itself, into a merged item or
 * a rejected one. Audited on the merged item.
 */
export async function mergeDemand(ctx: Ctx, id: string, input: DemandMergeBody): Promise<MergeOutcome> {
  const body = MergeSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const item = await itemToMerge(tx, id);
    if (item.mergedIntoId) throw new DomainError('demand_already_merged', 409, { code: await codeOf(tx, item.mergedIntoId) });
    if (!stepAllowedFrom('merge', item.status)) throw wrongDemandStatus(item);
    if (body.intoId === id) throw new DomainError('demand_merge_self', 409, {}, [{ path: 'body.intoId', message: 'demand_merge_self' }]);
    if (item.version !== body.version) throw versionConflict();
    const joined = (await demandsRepo.mergedCounts(tx.db, [id])).get(id) ?? 0;
    if (joined > 0) throw new DomainError('demand_merge_has_merged', 409, { count: joined });
    const target = await demandsRepo.byId(tx.db, body.intoId);
    if (!target || !demandPolicy.canSee(tx.actor!, target))
      throw new DomainError('demand_not_found', 404, {}, [{ path: 'body.intoId', message: 'demand_not_found' }]);
    if (target.mergedIntoId)
      throw new DomainError('demand_merge_target_merged', 409, { code: shown(target.code), into: await codeOf(tx, target.mergedIntoId) });
    if (target.status === 'rejected') throw new DomainError('demand_merge_target_rejected', 409, { code: shown(target.code) });
    const out = await writeBoth(tx, item, target, target.id, ['merged', 'merge_received']);
    await recordAudit(tx, {
      action: 'demand.merge',
      entityType: 'demand',
      entityId: id,
      before: { mergedIntoId: null, version: item.version },
      after: { mergedIntoId: target.id, version: out.item.version, targetVersion: out.target.version },
    });
    return out;
  });
}

/** 撤销并单: the item stands on its own again, back in the lists where it was. Audited. */
export async function unmergeDemand(ctx: Ctx, id: string, version: number): Promise<MergeOutcome> {
  return inTransaction(ctx, async (tx) => {
    const item = await itemToMerge(tx, id);
    if (!item.mergedIntoId) throw new DomainError('demand_not_merged', 409);
    if (item.version !== version) throw versionConflict();
    const target = await demandsRepo.byId(tx.db, item.mergedIntoId);
    if (!target) throw notFound();
    const out = await writeBoth(tx, item, target, null, ['unmerged', 'unmerged']);
    await recordAudit(tx, {
      action: 'demand.unmerge',
      entityType: 'demand',
      entityId: id,
      before: { mergedIntoId: target.id, version: item.version },
      after: { mergedIntoId: null, version: out.item.version, targetVersion: out.target.version },
    });
    return out;
  });
}
