import type { WhereaboutsState } from '@qinlian/contracts';
import type { TxCtx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { inDepartmentScope } from '../../platform/policy/policy.ts';
import { departmentStandIns, reachablePeople, type MayReceive } from '../notifications/index.ts';
import { cachedDepartmentsBasics, departmentHeadPersonId, peopleBasics, postsHeldBy, type PostWithHolder } from '../org/index.ts';
import { whereaboutsRepo } from './whereabouts.repo.ts';
import { STATE_LABELS } from './whereabouts-texts.ts';

/** The posts among `posts` where neither holder is at work: nobody acts for them (无人在岗). */
export function uncoveredAmong(posts: PostWithHolder[], present: (personId: string | null) => boolean): PostWithHolder[] {
  return posts.filter((p) => !p.archived && !present(p.aPersonId) && !present(p.bPersonId));
}

/**
 * A change just took `personId` away (their presence went from at work to away, in this transaction):
 * every post they hold that now has nobody at work — A and B both away, or the other seat empty — is
 * told at once to the head of the post's department (部门负责人; when the head cannot receive it, those
 * at work there who manage whereabouts). Once per such change: the dedupe key carries the change's id.
 */
export async function flagUncoveredPosts(tx: TxCtx, personId: string, changeId: string): Promise<void> {
  const posts = await postsHeldBy(tx.db, [personId]);
  if (posts.length === 0) return;
  const holders = await peopleBasics(
    tx.db,
    posts.flatMap((p) => [p.aPersonId, p.bPersonId]),
  );
  const present = (id: string | null) => !!id && holders.get(id)?.status === 'active';
  const uncovered = uncoveredAmong(posts, present);
  if (uncovered.length === 0) return;
  const states = await whereaboutsRepo.byPeople(tx.db, [...holders.keys()]);
  const stateOf = (id: string | null, lang: 'zh' | 'en') => {
    if (!id) return lang === 'zh' ? '空缺' : 'vacant';
    const state = (states.get(id)?.state ?? 'out') as WhereaboutsState;
    return STATE_LABELS[state][lang];
  };
  const who = (id: string | null, name: string | null, lang: 'zh' | 'en') => `${name ?? ''}（${stateOf(id, lang)}）`;
  for (const post of uncovered) {
    const departmentId = post.departmentId;
    const opens: MayReceive = (a) => a.permissions.has('whereabouts.read') && inDepartmentScope(a, departmentId);
    const manages: MayReceive = (a) => a.permissions.has('whereabouts.manage') && inDepartmentScope(a, departmentId);
    const head = await reachablePeople(tx.db, [await departmentHeadPersonId(tx.db, departmentId)], opens);
    const recipients = head.length ? head : await departmentStandIns(tx.db, departmentId, manages);
    const dept = (await cachedDepartmentsBasics(tx.db, [departmentId])).get(departmentId)?.name ?? '';
    const a = who(post.aPersonId, post.aPersonName, 'zh');
    const b = who(post.bPersonId, post.bPersonName, 'zh');
    await notify(tx, {
      kind: 'whereabouts.post_uncovered',
      recipientPersonIds: recipients,
      title: `【岗位无人在岗】${dept} ${post.name}`,
      body: `岗位“${post.name}”的 A 角${a}与 B 角${b}均不在岗，请安排人员临时顶岗。`,
      en: {
        title: `[Post uncovered] ${dept} ${post.name}`,
        body: `Both holders of the post "${post.name}" are away — A: ${who(post.aPersonId, post.aPersonName, 'en')}, B: ${who(post.bPersonId, post.bPersonName, 'en')}. Please arrange cover.`,
      },
      link: `/whereabouts?departmentId=${departmentId}`,
      entityType: 'post',
      entityId: post.id,
      dedupeKey: `whereabouts.post_uncovered:${post.id}:${changeId}`,
      undeliverable: `部门“${dept}”的负责人和管理去向牌的在岗人员都无法接收 / nobody at work in the department may be told that the post is uncovered`,
    });
  }
}
