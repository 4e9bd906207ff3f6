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

export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpEnableBody = z.object({ code: z.string().regex(/^\d{6}$/) });
export const TotpDisableBody = z.object({ password: z.string().min(1).max(256) });

export const ApiTokenCreateBody = z.object({
  userId: Id,
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ApiToken = z.object({
  id: Id,
  userId: Id,
  username: z.string(),
  name: z.string(),
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
]);
export const SignInLogEntry = z.object({
  id: Id,
  username: z.string(),
  userId: Id.nullable(),
  ip: z.string(),
  userAgent: z.string(),
  result: SignInResult,
  at: Instant,
});
export type SignInLogEntry = z.infer<typeof SignInLogEntry>;
