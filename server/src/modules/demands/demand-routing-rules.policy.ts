import { definePolicy } from '../../platform/policy/policy.ts';

/**
 * 分类规则: whoever reads demands reads the rules (they explain the suggestions); the office
 * (demands.manage) keeps them. The rules are the whole organisation's, so no data scope applies.
 */
export const routingRulePolicy = definePolicy<object, 'read' | 'edit' | 'remove'>(() => true, {
  read: { permission: 'demands.read' },
  edit: { permission: 'demands.manage' },
  remove: { permission: 'demands.manage' },
});
