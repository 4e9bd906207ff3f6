import type { Post } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { PostView } from './posts.service.ts';
import { postPolicy } from './org.policy.ts';

/** Who acts for the post now: A, unless A is away or has left; then B (AB岗制). */
export function actingHolder(v: { a: { id: string; status: string } | null; b: { id: string } | null }): string | null {
  if (v.a && v.a.status !== 'away' && v.a.status !== 'left') return v.a.id;
  return v.b?.id ?? null;
}

export function presentPost(actor: Actor, v: PostView): Post {
  const { row } = v;
  return {
    id: row.id,
    departmentId: row.departmentId,
    departmentName: v.departmentName,
    name: row.name,
    duties: row.duties,
    aPersonId: row.aPersonId,
    aPersonName: v.a?.name ?? null,
    bPersonId: row.bPersonId,
    bPersonName: v.b?.name ?? null,
    actingPersonId: actingHolder(v),
    archived: row.archivedAt !== null,
    version: row.version,
    abilities: { manage: postPolicy.allowed(actor, 'manage', row) },
  };
}
