import { z } from 'zod';
import { Id, Instant, PageQuery, pageOf } from './common.ts';

/**
 * 账号管理: every sign-in account as administrators see it — whose it is, its roles, whether it is
 * disabled, whether sign-ins under its name are being delayed (登录限速), when it last signed in.
 */

/** enabled: may sign in; disabled: 停用; delayed: enabled, but failed sign-ins delay its name from some address now */
export const AccountState = z.enum(['enabled', 'disabled', 'delayed']);
export type AccountState = z.infer<typeof AccountState>;

export const Account = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  personId: Id.nullable(),
  personName: z.string().nullable(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  roles: z.array(z.object({ id: Id, code: z.string(), name: z.string() })),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  /** the latest moment until which sign-ins under this name wait, from any address; null when none do */
  signInDelayedUntil: Instant.nullable(),
  lastSignInAt: Instant.nullable(),
  createdAt: Instant,
  /** what the viewer may do to it: never to an account more powerful than their own, never disable themself */
  abilities: z.object({
    disable: z.boolean(),
    enable: z.boolean(),
    resetPassword: z.boolean(),
    unlock: z.boolean(),
    setRoles: z.boolean(),
  }),
});
export type Account = z.infer<typeof Account>;

export const AccountQuery = PageQuery.extend({
  /** part of the username or the name */
  q: z.string().trim().max(64).optional(),
  state: AccountState.optional(),
  roleId: Id.optional(),
});
export type AccountQuery = z.input<typeof AccountQuery>;
export const AccountPage = pageOf(Account);

/** 解除登录限速: how many source addresses were waiting on this name and are released. */
export const UnlockResult = z.object({ released: z.number().int() });
export type UnlockResult = z.infer<typeof UnlockResult>;
