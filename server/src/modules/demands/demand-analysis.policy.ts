import type { DemandClusterAbilities } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { definePolicy, has } from '../../platform/policy/policy.ts';
import type { ClusterRow } from './demand-analysis.repo.ts';

/**
 * 汇总、分析、论证: the analysis sums up every suggestion of a campaign and names its items, so it is
 * read by those who see the whole picture — data scope all, the office's desk (demands.dispatch) or
 * the leadership group (demands.evaluate) — not by a department that sees only what was dispatched
 * to it (403). The leadership group recomputes, marks clusters for evaluation and records the
 * evaluation; selecting a cluster as a livelihood project, or withdrawing one, also opens or leaves a
 * supervised task in the plan, which is the office's (plan.manage).
 */
const seesWholePicture = (a: Actor) => a.scope.all || has(a, 'demands.dispatch') || has(a, 'demands.evaluate');

export const analysisPolicy = definePolicy<object, 'read' | 'evaluate' | 'select'>(() => true, {
  read: { permission: 'demands.read', when: seesWholePicture },
  evaluate: { permission: 'demands.evaluate' },
  select: { permission: 'demands.evaluate', when: (a) => has(a, 'plan.manage') },
});

export type ClusterStep = 'mark' | 'evaluate' | 'select' | 'withdraw';

/** The states each step starts from (anything else is a 409 saying the cluster's state). */
export const CLUSTER_STEP_FROM: Record<ClusterStep, readonly string[]> = {
  mark: ['open'],
  evaluate: ['evaluating', 'evaluated'],
  select: ['evaluated'],
  withdraw: ['selected'],
};

/** Who may take a step at all, whatever the cluster's state: mark and evaluate the leadership group, select and withdraw the office too. */
export const mayTakeStep = (actor: Actor, step: ClusterStep) =>
  analysisPolicy.allowed(actor, step === 'select' || step === 'withdraw' ? 'select' : 'evaluate', {});

/** Sent with every cluster: the buttons the console shows. */
export const clusterAbilities = (actor: Actor, c: Pick<ClusterRow, 'status'>): DemandClusterAbilities => ({
  mark: mayTakeStep(actor, 'mark') && CLUSTER_STEP_FROM.mark.includes(c.status),
  evaluate: mayTakeStep(actor, 'evaluate') && CLUSTER_STEP_FROM.evaluate.includes(c.status),
  select: mayTakeStep(actor, 'select') && CLUSTER_STEP_FROM.select.includes(c.status),
  withdraw: mayTakeStep(actor, 'withdraw') && CLUSTER_STEP_FROM.withdraw.includes(c.status),
});
