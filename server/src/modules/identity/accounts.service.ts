import type { z } from 'zod';
import type { AccountQuery } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { cachedDepartmentsBasics, peopleBasics } from '../org/index.ts';
import { identityRepo, type RoleRow } from './identity.repo.ts';
import { accountsRepo } from './accounts.repo.ts';
import { assertMayActOnAccount } from './access.service.ts';
import { currentDelay, FAILURES, SPELL_ENDS, SPELL_MEMORY_MS, type Attempt, type DelayRule } from './sign-in-delay.ts';

/** Rows of sign-in history read to tell which names are delayed: far more than a day of real use. */
const ATTEMPT_CAP = 20_000;

type Lockout = Config['lockout'];
const ruleOf = (lockout: Lockout): DelayRule => ({ attempts: lockout.attempts, maxMinutes: lockout.minutes });

/** For each name, its addresses whose failures (since the last success or release) impose a wait now. */
async function delays(ctx: Ctx, rule: DelayRule, usernames?: string[]) {
  const now = ctx.clock.now().getTime();
  const attempts = await accountsRepo.recentAttempts(ctx.db, {
    since: iso(new Date(now - SPELL_MEMORY_MS)),
    results: [...FAILURES, ...SPELL_ENDS],
    usernames,
    cap: ATTEMPT_CAP,
  });
  const spells = new Map<string, Attempt[]>(); // `${username}\n${ip}` → attempts, newest first
  for (const a of attempts) {
    const key = `${a.username}\n${a.ip}`;
    spells.set(key, [...(spells.get(key) ?? []), { result: a.result, at: String(a.at) }]);
  }
  const byName = new Map<string, { ips: string[]; waiting: { ip: string; until: number }[] }>();
  for (const [key, list] of spells) {
    const [username, ip] = key.split('\n') as [string, string];
    const delay = currentDelay(list, rule);
    if (delay.failures === 0) continue;
    const entry = byName.get(username) ?? { ips: [], waiting: [] };
    entry.ips.push(ip);
    if (delay.until !== null && delay.until > now) entry.waiting.push({ ip, until: delay.until });
    byName.set(username, entry);
  }
  return byName;
}

/** 账号列表: filtered and paged, each with its person, department, roles, delay and last sign-in. */
export async function listAccounts(ctx: Ctx, lockout: Lockout, q: z.output<typeof AccountQuery>) {
  const rule = ruleOf(lockout);
  const delayedNames =
    q.state === 'delayed' ? [...(await delays(ctx, rule)).entries()].filter(([, d]) => d.waiting.length).map(([name]) => name) : undefined;
  const { items, total } = await accountsRepo.page(ctx.db, {
    q: q.q || undefined,
    roleId: q.roleId,
    disabled: q.state === 'disabled' ? true : q.state === 'enabled' ? false : undefined,
    usernames: delayedNames,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const ids = items.map((u) => u.id);
  const [links, roles, lastSignIns, people, pageDelays] = await Promise.all([
    identityRepo.roleIdsOfUsers(ctx.db, ids),
    identityRepo.listRoles(ctx.db),
    accountsRepo.lastSignIns(ctx.db, ids),
    peopleBasics(
      ctx.db,
      items.map((u) => u.personId),
    ),
    delays(
      ctx,
      rule,
      items.map((u) => u.username),
    ),
  ]);
  const departments = await cachedDepartmentsBasics(
    ctx.db,
    [...people.values()].map((p) => p.departmentId),
  );
  const roleById = new Map(roles.map((r) => [r.id, r]));
  return {
    total,
    items: items.map((u) => {
      const person = u.personId ? people.get(u.personId) : undefined;
      const waiting = pageDelays.get(u.username)?.waiting ?? [];
      return {
        row: u,
        roles: links.filter((l) => l.userId === u.id).flatMap((l) => roleById.get(l.roleId) ?? []) as RoleRow[],
        person: person ? { name: person.name, departmentId: person.departmentId } : null,
        departmentName: person ? (departments.get(person.departmentId)?.name ?? null) : null,
        delayedUntil: waiting.length ? iso(new Date(Math.max(...waiting.map((w) => w.until)))) : null,
        lastSignInAt: lastSignIns.get(u.id) ?? null,
      };
    }),
  };
}

/**
 * 解除登录限速: every address whose failed sign-ins under this account's name count towards a delay
 * gets an `unlocked` entry in the sign-in log, which ends that spell like a success would; the
 * next failure there starts counting from one. Audited with the addresses released.
 */
export async function unlockAccount(ctx: Ctx, lockout: Lockout, userId: string): Promise<number> {
  const user = await identityRepo.userById(ctx.db, userId);
  if (!user) throw notFound();
  const pending = (await delays(ctx, ruleOf(lockout), [user.username])).get(user.username)?.ips ?? [];
  return inTransaction(ctx, async (tx) => {
    await assertMayActOnAccount(tx, userId);
    const at = iso(tx.clock.now());
    for (const ip of pending) {
      await accountsRepo.insertSignIn(tx.db, {
        id: newId(),
        username: user.username,
        userId,
        ip,
        userAgent: `解除限速 / released by ${tx.actor!.username}`,
        result: 'unlocked',
        at,
      });
    }
    await recordAudit(tx, { action: 'user.unlock', entityType: 'user', entityId: userId, after: { addresses: pending } });
    return pending.length;
  });
}
