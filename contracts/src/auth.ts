import { z } from 'zod';
import { Id, Instant } from './common.ts';
import { Permission, DataScope } from './org.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const CurrentUser = z.object({
  id: Id,
  username: z.string(),
  personId: Id.nullable(),
  name: z.string(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  permissions: z.array(Permission),
  dataScope: DataScope,
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  roles: z.array(z.object({ id: Id, code: z.string(), name: z.string() })), // code: the UI names built-in roles in its language
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const LoginResponse = z.object({ user: CurrentUser, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const SessionResponse = LoginResponse;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/**
 * The account's own second factor changes only with its current password in the body: a session
 * alone (a borrowed browser, a stolen cookie) cannot switch TOTP on, off or to another secret.
 */
const CurrentPassword = z.string().min(1).max(256);
export const TotpSetupBody = z.object({ password: CurrentPassword });
export type TotpSetupBody = z.infer<typeof TotpSetupBody>;
export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpEnableBody = z.object({ code: z.string().regex(/^\d{6}$/), password: CurrentPassword });
export const TotpDisableBody = z.object({ password: CurrentPassword });

/**
 * What an API token may do, fixed when it is issued: `read_only` — GET/HEAD with its owner's
 * permissions; `permissions` — these, a subset of the owner's at issue time. At use time a token
 * never holds a permission its owner no longer has. `legacy`: issued before scopes existed, acts
 * with every permission its owner holds (only ever read back, never issued).
 */
export const ApiTokenScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('read_only') }),
  z.object({ kind: z.literal('permissions'), permissions: z.array(Permission).min(1).max(50) }),
]);
export type ApiTokenScope = z.infer<typeof ApiTokenScope>;
export const ApiTokenScopeShown = z.discriminatedUnion('kind', [...ApiTokenScope.options, z.object({ kind: z.literal('legacy') })]);
export type ApiTokenScopeShown = z.infer<typeof ApiTokenScopeShown>;

export const ApiTokenCreateBody = z.object({
  userId: Id,
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  /** read-only when left out: the least a token can do */
  scope: ApiTokenScope.optional(),
});
export type ApiTokenCreateBody = z.infer<typeof ApiTokenCreateBody>;
export const ApiToken = z.object({
  id: Id,
  userId: Id,
  username: z.string(),
  name: z.string(),
  scope: ApiTokenScopeShown,
  createdAt: Instant,
  expiresAt: Instant.nullable(),
  lastUsedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
/** The secret is shown once, at creation. */
export const ApiTokenCreated = ApiToken.extend({ token: z.string() });

export const SignInResult = z.enum([
  'success',
  'bad_password',
  'unknown_user',
  'locked',
  'delayed',
  'totp_required',
  'bad_totp',
  'disabled',
  'unlocked', // an administrator released the delay on this name from this address (解除登录限速)
  'bad_current_password', // a signed-in session gave a wrong current password for a security step (改密码, 动态验证码)
  'reauth', // … and the right one: ends a spell of failures as a sign-in does
]);
export const SignInLogEntry = z.object({
  id: Id,
  username: z.string(),
  userId: Id.nullable(),
  ip: z.string(),
  userAgent: z.string(),
  /** the user agent for people: "Chrome 131 · Windows 10"; null when it names nothing known */
  client: z.string().nullable(),
  result: SignInResult,
  at: Instant,
});
export type SignInLogEntry = z.infer<typeof SignInLogEntry>;
