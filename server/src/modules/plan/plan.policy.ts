import { definePolicy } from '../../platform/policy/policy.ts';

/** Plans, programmes and measures are not department data: any task reader sees them, the office keeps them. */
export const planPolicy = definePolicy<unknown, 'read' | 'manage'>(() => true, {
  read: { permission: 'tasks.read' },
  manage: { permission: 'plan.manage' },
});
