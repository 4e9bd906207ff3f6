import { definePolicy } from '../../platform/policy/policy.ts';

/**
 * 征集活动: whoever reads demands sees the campaigns (they are public anyway); the office's managers
 * (demands.manage) open and change them and print their posters. Campaigns belong to no department.
 */
export const solicitationPolicy = definePolicy<object, 'read' | 'manage'>(() => true, {
  read: { permission: 'demands.read' },
  manage: { permission: 'demands.manage' },
});
