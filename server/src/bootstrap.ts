import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { systemActor, type Ctx } from './platform/context.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { randomPassword } from './platform/auth/passwords.ts';
import { createAccount, ensureBuiltinRoles } from './modules/identity/access.service.ts';
import { identityRepo } from './modules/identity/identity.repo.ts';

export const systemCtx = (database: Database, clock: Clock = systemClock): Ctx => ({ actor: systemActor, db: database.db, ip: 'cli', lang: 'zh-CN', clock });

/** Open and migrate the database, make the built-in roles and the `admin` account on first start. */
export async function prepareDatabase(config: Config, log: (line: string) => void = console.log) {
  const database = openDatabase(config);
  const applied = await migrateToLatest(database.db);
  if (applied.length) log(`migrated: ${applied.join(', ')}`);
  const ctx = systemCtx(database);
  const roles = await ensureBuiltinRoles(ctx);
  if (!(await identityRepo.userByUsername(database.db, 'admin'))) {
    const given = config.adminPassword;
    const password = given ?? randomPassword();
    await createAccount(ctx, { username: 'admin', displayName: '系统管理员', personId: null, roleIds: [roles.get('admin')!], password, mustChange: given ? false : true });
    if (!given) {
      log('========================================================');
      log(`  首次启动：管理员账号 admin 的初始密码 / initial admin password: ${password}`);
      log('  首次登录后须修改 / you must change it at first sign-in');
      log('========================================================');
    }
  }
  return database;
}
