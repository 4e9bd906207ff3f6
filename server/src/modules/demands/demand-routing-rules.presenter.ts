import type { DemandRoutingRule } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import type { RoutingRuleRow } from './demand-routing-rules.repo.ts';
import { routingRulePolicy } from './demand-routing-rules.policy.ts';

/** What leaves the server of the rules: each field, its department's name, and what this actor may do with it. */
export async function presentRoutingRules(ctx: Ctx, rows: RoutingRuleRow[]): Promise<DemandRoutingRule[]> {
  const departments = await cachedDepartmentsBasics(
    ctx.db,
    rows.map((r) => r.departmentId),
  );
  const abilities = routingRulePolicy.abilities(ctx.actor!, {});
  return rows.map((r) => ({
    id: r.id,
    keyword: r.keyword,
    category: r.category,
    departmentId: r.departmentId,
    departmentName: r.departmentId ? (departments.get(r.departmentId)?.name ?? null) : null,
    weight: r.weight,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    abilities: { edit: abilities.edit, remove: abilities.remove },
  }));
}
