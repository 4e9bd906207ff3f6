import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, type DataScope, type Permission } from '@qinlian/contracts';
import { actorOf } from '../../../test/actors.ts';
import { channelPolicy, inboxPolicy } from './notifications.policy.ts';

const RECIPIENT = 'person-recipient';
const item = { personId: RECIPIENT };

describe("inboxPolicy: an inbox item is its recipient's alone", () => {
  it.each<[string, Permission[], DataScope, string | null, boolean]>([
    ['the recipient, no permission at all', [], 'self', RECIPIENT, true],
    ['the recipient, administrator', [...ALL_PERMISSIONS], 'all', RECIPIENT, true],
    ['another person, administrator over all data', [...ALL_PERMISSIONS], 'all', 'person-admin', false],
    ['another person, notifications.manage', ['notifications.manage'], 'all', 'person-ops', false],
    ['an account with no person, administrator', [...ALL_PERMISSIONS], 'all', null, false],
  ])('%s → sees it: %s', (_, permissions, scope, personId, visible) => {
    const actor = actorOf({ permissions, scope, personId });
    expect(inboxPolicy.canSee(actor, item)).toBe(visible);
    if (visible) expect(() => inboxPolicy.assertVisible(actor, item)).not.toThrow();
    else expect(() => inboxPolicy.assertVisible(actor, item)).toThrow(expect.objectContaining({ status: 404, code: 'not_found' }));
  });
});

describe('channelPolicy: channels and deliveries are for notifications.manage, whatever the data scope', () => {
  it.each<[string, Permission[], DataScope, boolean]>([
    ['notifications.manage, all', ['notifications.manage'], 'all', true],
    ['notifications.manage, self', ['notifications.manage'], 'self', true],
    ['notifications.manage, own department', ['notifications.manage'], 'dept', true],
    ['every other permission, all', ALL_PERMISSIONS.filter((p) => p !== 'notifications.manage'), 'all', false],
    ['no permission, all', [], 'all', false],
  ])('%s → manages: %s', (_, permissions, scope, allowed) => {
    const actor = actorOf({ permissions, scope });
    expect(channelPolicy.allowed(actor, 'manage', null)).toBe(allowed);
    if (allowed) expect(() => channelPolicy.assert(actor, 'manage', null)).not.toThrow();
    else expect(() => channelPolicy.assert(actor, 'manage', null)).toThrow(expect.objectContaining({ status: 403, code: 'forbidden' }));
  });

  it('declares notifications.manage on its routes', () => {
    expect(channelPolicy.route('manage')).toEqual({ kind: 'permission', permission: 'notifications.manage' });
  });
});
