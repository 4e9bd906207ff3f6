import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';

/**
 * What org needs of sign-in accounts (账号): to open one for a person, to know which usernames are
 * taken and which people have one. Identity reads org (an actor's department and person), so org
 * may not import identity back; instead start-up (bootstrap.ts `prepareDatabase`, which the server, every
 * CLI command and the test harness run) fills this port in with identity's `peopleAccounts`.
 */
export interface PeopleAccounts {
  createAccount(
    ctx: Ctx,
    input: { username: string; displayName: string; personId: string; roleIds: string[] },
  ): Promise<{ initialPassword: string | null }>;
  takenUsernames(db: Executor, usernames: string[]): Promise<Set<string>>;
  accountsOfPeople(
    db: Executor,
    personIds: string[],
  ): Promise<{ id: string; personId: string | null; username: string; disabled: boolean; roleIds: string[] }[]>;
}

let provided: PeopleAccounts | undefined;

export function providePeopleAccounts(accounts: PeopleAccounts) {
  provided = accounts;
}

export function peopleAccounts(): PeopleAccounts {
  if (!provided) throw new Error('org: no PeopleAccounts provided (bootstrap.ts prepareDatabase wires identity in)');
  return provided;
}
