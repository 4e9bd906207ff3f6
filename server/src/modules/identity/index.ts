// 账号与权限 — the identity module's front door: sign-in, accounts, roles, API tokens, the actor.
import type { PeopleAccounts } from '../org/index.ts';
import { accountsOfPeople, createAccount, takenUsernames } from './access.service.ts';

export { authRoutes } from './auth.routes.ts';
export { accessRoutes } from './access.routes.ts';
export { accountRoutes } from './accounts.routes.ts';
export { authenticate, SESSION_COOKIE } from './auth.service.ts';
export { actorsOfPeople } from './actor.ts';
export {
  BUILTIN_ROLES,
  accountByUsername,
  accountsOfPeople,
  createAccount,
  ensureBuiltinRoles,
  peopleHoldingEverywhere,
  personOfAccount,
  resetPassword,
  roleByCode,
  takenUsernames,
} from './access.service.ts';

/** What org's people need of accounts (org/people-accounts.port.ts), wired in at start-up by bootstrap.ts. */
export const peopleAccounts: PeopleAccounts = { createAccount, takenUsernames, accountsOfPeople };
