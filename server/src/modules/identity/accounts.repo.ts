import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { SignInLogTable } from '../../platform/db/schema.ts';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const lowerLike = (column: string, pattern: string) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

export type AccountFilter = {
  q?: string;
  roleId?: string;
  disabled?: boolean;
  /** only these usernames (the ones being delayed) */
  usernames?: string[];
  limit: number;
  offset: number;
};

/** 账号列表 and the sign-in history it shows beside each account: the only SQL of the accounts screen. */
export const accountsRepo = {
  async page(db: Executor, f: AccountFilter) {
    let q = db.selectFrom('users');
    if (f.q) {
      const pattern = `%${escapeLike(f.q.toLowerCase())}%`;
      q = q.where((eb) => eb.or([lowerLike('users.username', pattern), lowerLike('users.displayName', pattern)]));
    }
    if (f.disabled !== undefined) q = q.where('users.disabled', '=', f.disabled ? 1 : 0);
    if (f.roleId) q = q.where('users.id', 'in', (eb) => eb.selectFrom('userRoles').select('userId').where('roleId', '=', f.roleId!));
    if (f.usernames) q = f.usernames.length ? q.where('users.username', 'in', f.usernames) : q.where(sql<SqlBool>`1 = 0`);
    const [items, total] = await Promise.all([
      q
        .select([
          'users.id',
          'users.username',
          'users.displayName',
          'users.personId',
          'users.disabled',
          'users.mustChangePassword',
          'users.totpEnabled',
          'users.createdAt',
        ])
        .orderBy('users.username')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  /** The last successful sign-in of each account. */
  async lastSignIns(db: Executor, userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('signInLog')
      .select(['userId', (eb) => eb.fn.max('at').as('at')])
      .where('userId', 'in', userIds)
      .where('result', '=', 'success')
      .groupBy('userId')
      .execute();
    return new Map(rows.map((r) => [r.userId!, String(r.at)]));
  },

  /**
   * The sign-in attempts that count towards a delay since `since`, newest first: of these usernames,
   * or — without them — of every name that failed in that time. Capped: past the cap the oldest drop.
   */
  async recentAttempts(db: Executor, opts: { since: string; results: string[]; usernames?: string[]; cap: number }) {
    let q = db
      .selectFrom('signInLog')
      .select(['username', 'ip', 'result', 'at'])
      .where('at', '>=', opts.since)
      .where('result', 'in', opts.results);
    if (opts.usernames) {
      if (opts.usernames.length === 0) return [];
      q = q.where('username', 'in', opts.usernames);
    }
    return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(opts.cap).execute();
  },

  insertSignIn: (db: Executor, row: SignInLogTable) => db.insertInto('signInLog').values(row).execute(),
};
