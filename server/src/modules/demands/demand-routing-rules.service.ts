import {
  DemandRoutingRuleBody as CreateSchema,
  DemandRoutingRulePatchBody as PatchSchema,
  type DemandRoutingRuleBody,
  type DemandRoutingRulePatchBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { usableDepartment } from '../org/index.ts';
import { routingRulesRepo, type RoutingRuleRow } from './demand-routing-rules.repo.ts';
import { routingRulePolicy } from './demand-routing-rules.policy.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

/** Keywords are kept lower-cased (and NFKC-normalised), as the words they are matched against. */
const normalKeyword = (k: string) => k.normalize('NFKC').toLowerCase().trim();

/** 409 when another rule already sends this keyword to this category. */
async function assertUnique(tx: TxCtx, keyword: string, category: string, self: string | null) {
  const other = await routingRulesRepo.byKeywordAndCategory(tx.db, keyword, category);
  if (other && other.id !== self)
    throw new DomainError('routing_rule_duplicate', 409, { keyword, category }, [
      { path: 'body.keyword', message: 'routing_rule_duplicate' },
    ]);
}

/** The rules, by category then keyword. */
export async function listRoutingRules(ctx: Ctx): Promise<RoutingRuleRow[]> {
  routingRulePolicy.assert(actorOf(ctx), 'read', {});
  return routingRulesRepo.all(ctx.db);
}

/** 新增分类规则: a keyword, its category, optionally the live department that handles it, and a weight. Audited. */
export async function createRoutingRule(ctx: Ctx, input: DemandRoutingRuleBody): Promise<RoutingRuleRow> {
  const body = CreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    routingRulePolicy.assert(actorOf(tx), 'edit', {});
    const keyword = normalKeyword(body.keyword);
    if (body.departmentId) await usableDepartment(tx, body.departmentId, 'body.departmentId');
    await assertUnique(tx, keyword, body.category, null);
    const now = iso(tx.clock.now());
    const row: RoutingRuleRow = {
      id: newId(),
      keyword,
      category: body.category,
      departmentId: body.departmentId ?? null,
      weight: body.weight,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await routingRulesRepo.insert(tx.db, row);
    await recordAudit(tx, { action: 'demand_routing_rule.create', entityType: 'demand_routing_rule', entityId: row.id, after: row });
    return row;
  });
}

/** 修改分类规则 at the version the editor read (409 when someone changed it meanwhile). Audited with before and after. */
export async function updateRoutingRule(ctx: Ctx, id: string, input: DemandRoutingRulePatchBody): Promise<RoutingRuleRow> {
  const body = PatchSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    routingRulePolicy.assert(actorOf(tx), 'edit', {});
    const before = await routingRulesRepo.byId(tx.db, id);
    if (!before) throw notFound();
    if (before.version !== body.version) throw versionConflict();
    const after: RoutingRuleRow = {
      ...before,
      keyword: body.keyword === undefined ? before.keyword : normalKeyword(body.keyword),
      category: body.category ?? before.category,
      departmentId: body.departmentId === undefined ? before.departmentId : body.departmentId,
      weight: body.weight ?? before.weight,
      updatedAt: iso(tx.clock.now()),
      version: before.version + 1,
    };
    if (after.departmentId && after.departmentId !== before.departmentId)
      await usableDepartment(tx, after.departmentId, 'body.departmentId');
    await assertUnique(tx, after.keyword, after.category, id);
    const { id: _id, createdAt: _c, version: _v, ...patch } = after;
    if (!(await routingRulesRepo.update(tx.db, id, before.version, patch))) throw versionConflict();
    await recordAudit(tx, { action: 'demand_routing_rule.update', entityType: 'demand_routing_rule', entityId: id, before, after });
    return after;
  });
}

/** 删除分类规则 at the version the editor read. Audited with the rule as it was. */
export async function deleteRoutingRule(ctx: Ctx, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    routingRulePolicy.assert(actorOf(tx), 'remove', {});
    const before = await routingRulesRepo.byId(tx.db, id);
    if (!before) throw notFound();
    if (before.version !== version || !(await routingRulesRepo.remove(tx.db, id, version))) throw versionConflict();
    await recordAudit(tx, { action: 'demand_routing_rule.delete', entityType: 'demand_routing_rule', entityId: id, before });
  });
}
