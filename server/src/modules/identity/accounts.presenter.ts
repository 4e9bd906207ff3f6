import type { Account } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { RoleRow, UserRow } from './identity.repo.ts';
import { mayActOnAccount } from './account-power.ts';

type Listed = {
  row: Pick<UserRow, 'id' | 'username' | 'displayName' | 'personId' | 'disabled' | 'mustChangePassword' | 'totpEnabled' | 'createdAt'>;
  roles: RoleRow[];
  person: { name: string; departmentId: string } | null;
  departmentName: string | null;
  delayedUntil: string | null;
  lastSignInAt: string | null;
};

/** An account for the administrators' list, with what this viewer may do to it (the same rule the actions check). */
export function presentAccount(actor: Actor, a: Listed): Account {
  const mayAct = mayActOnAccount(actor, a.roles);
  const disabled = !!a.row.disabled;
  return {
    id: a.row.id,
    username: a.row.username,
    displayName: a.row.displayName,
    personId: a.row.personId,
    personName: a.person?.name ?? null,
    departmentId: a.person?.departmentId ?? null,
    departmentName: a.departmentName,
    roles: a.roles.map((r) => ({ id: r.id, code: r.code, name: r.name })),
    disabled,
    mustChangePassword: !!a.row.mustChangePassword,
    totpEnabled: !!a.row.totpEnabled,
    signInDelayedUntil: a.delayedUntil,
    lastSignInAt: a.lastSignInAt,
    createdAt: a.row.createdAt,
    abilities: {
      disable: mayAct && !disabled && a.row.id !== actor.userId,
      enable: mayAct && disabled,
      resetPassword: mayAct && actor.via === 'session',
      unlock: mayAct && a.delayedUntil !== null,
      setRoles: mayAct && actor.permissions.has('roles.manage'),
    },
  };
}
