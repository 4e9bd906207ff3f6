import type { Executor } from '../../platform/db/database.ts';
import type { DemandRoutingRulesTable } from '../../platform/db/schema-demands.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { writeEpoch } from '../../platform/db/write-epoch.ts';

export type RoutingRuleRow = DemandRoutingRulesTable;

/** Moves on after every committed write to the rules: intake's cached copy is rebuilt. */
export const routingRulesEpoch = writeEpoch('demand-routing-rules');

/** 分类规则: the only SQL on demand_routing_rules. */
export const routingRulesRepo = {
  all: (db: Executor) => db.selectFrom('demandRoutingRules').selectAll().orderBy('category').orderBy('keyword').execute(),
  byId: (db: Executor, id: string) => db.selectFrom('demandRoutingRules').selectAll().where('id', '=', id).executeTakeFirst(),
  byKeywordAndCategory: (db: Executor, keyword: string, category: string) =>
    db.selectFrom('demandRoutingRules').selectAll().where('keyword', '=', keyword).where('category', '=', category).executeTakeFirst(),
  insert(db: Executor, row: RoutingRuleRow) {
    routingRulesEpoch.changed(db);
    return db.insertInto('demandRoutingRules').values(row).execute();
  },
  /** Optimistic update: false when the version moved on. */
  update(db: Executor, id: string, version: number, patch: Partial<RoutingRuleRow>) {
    routingRulesEpoch.changed(db);
    return updateVersioned(db, 'demandRoutingRules', id, version, patch);
  },
  async remove(db: Executor, id: string, version: number): Promise<boolean> {
    routingRulesEpoch.changed(db);
    const r = await db.deleteFrom('demandRoutingRules').where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },
};
