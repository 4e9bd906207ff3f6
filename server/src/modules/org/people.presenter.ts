import type { Person, PersonStatus } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { PersonView } from './people.service.ts';
import { personPolicy, seesFullPhone } from './org.policy.ts';

/** 138****5678: enough to recognise a number, not enough to call it. */
export function maskPhone(phone: string): string {
  return phone.length >= 8 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** How statuses read in Chinese documents and imports (在岗/外出/离职). */
export const STATUS_LABELS: Record<PersonStatus, string> = { active: '在岗', away: '外出', left: '离职' };

export const photoUrlOf = (personId: string) => `/api/people/${personId}/photo`;

export function presentPhone(actor: Actor, row: { id: string; departmentId: string; phone: string | null }): string | null {
  if (row.phone === null) return null;
  return seesFullPhone(actor, row) ? row.phone : maskPhone(row.phone);
}

export function presentPerson(actor: Actor, v: PersonView): Person {
  const { row } = v;
  return {
    id: row.id,
    name: row.name,
    phone: presentPhone(actor, row),
    photoUrl: row.photoFile ? photoUrlOf(row.id) : null,
    departmentId: row.departmentId,
    departmentName: v.departmentName,
    title: row.title,
    status: row.status as PersonStatus,
    email: row.email && seesFullPhone(actor, row) ? row.email : null,
    posts: v.posts,
    username: v.account?.username ?? null,
    userId: v.account?.id ?? null,
    roleIds: v.account?.roleIds ?? [],
    accountDisabled: v.account ? v.account.disabled : null,
    version: row.version,
    createdAt: row.createdAt,
    abilities: { manage: personPolicy.allowed(actor, 'manage', row) },
  };
}
