import type { Config } from '../platform/config.ts';
import { prepareDatabase, systemCtx } from '../bootstrap.ts';
import { BUILTIN_ROLES, createAccount, resetPassword } from '../modules/identity/index.ts';
import { accountByUsername, roleByCode } from '../modules/identity/index.ts';
import { CliError } from './common.ts';

const USERNAME = /^[a-zA-Z0-9_.-]{3,32}$/;
export const ROLE_CODES_HINT = BUILTIN_ROLES.map((r) => r.code).join('|');

export type UserCreateOptions = { name: string; role: string[]; password?: string; mustChange: boolean; person?: string };

/**
 * 创建账号: through the identity service as the system actor, so the audit chain records it.
 * Without --password a random initial password is made, printed once, and must be changed at
 * first sign-in.
 */
export async function userCreateCommand(config: Config, username: string, opts: UserCreateOptions) {
  if (!USERNAME.test(username))
    throw new CliError('用户名须为 3–32 位字母、数字或 _ . - / the username needs 3–32 letters, digits or _ . -');
  const database = await prepareDatabase(config);
  try {
    const codes = [...new Set(opts.role.length ? opts.role : ['staff'])];
    const roleIds: string[] = [];
    for (const code of codes) {
      const role = await roleByCode(database.db, code);
      if (!role) throw new CliError(`没有角色 ${code} / no role "${code}" (built in: ${ROLE_CODES_HINT})`);
      roleIds.push(role.id);
    }
    const { user, initialPassword } = await createAccount(systemCtx(database), {
      username,
      displayName: opts.name,
      personId: opts.person ?? null,
      roleIds,
      password: opts.password,
      mustChange: opts.mustChange,
    });
    console.log(`已创建账号 / account created: ${user.username} (${user.displayName}), roles: ${codes.join(', ')}`);
    if (initialPassword) {
      console.log(`初始密码（只显示这一次）/ initial password (shown once): ${initialPassword}`);
    }
    if (user.mustChangePassword) console.log('首次登录须修改密码 / the password must be changed at first sign-in');
  } finally {
    await database.close();
  }
}

/** 重置密码: a new temporary password, changed at next sign-in; the user's sessions end. */
export async function userResetPasswordCommand(config: Config, username: string, opts: { password?: string }) {
  const database = await prepareDatabase(config);
  try {
    const user = await accountByUsername(database.db, username);
    if (!user) throw new CliError(`没有账号 ${username} / no account "${username}"`);
    const password = await resetPassword(systemCtx(database), user.id, opts.password);
    console.log(`已重置 ${username} 的密码 / password reset for ${username}`);
    console.log(`临时密码（只显示这一次）/ temporary password (shown once): ${password}`);
    console.log('下次登录须修改密码 / it must be changed at next sign-in');
  } finally {
    await database.close();
  }
}
