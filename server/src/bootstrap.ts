import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { systemActor, type Ctx } from './platform/context.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { randomPassword } from './platform/auth/passwords.ts';
import { createAccount, ensureBuiltinRoles } from './modules/identity/access.service.ts';
import { identityRepo } from './modules/identity/identity.repo.ts';
import { seedDemo } from './seed/demo.ts';
import { seedCampaign } from './seed/campaign.ts';
import { wireNotifications } from './modules/notifications/notifications.service.ts';

export const systemCtx = (database: Database, clock: Clock = systemClock): Ctx => ({
  actor: systemActor,
  db: database.db,
  ip: 'cli',
  lang: 'zh-CN',
  clock,
});

/** Open and migrate the database, make the built-in roles and the `admin` account on first start, and the demo organisation when asked (config.seedDemo) and empty. */
export async function prepareDatabase(config: Config, log: (line: string) => void = console.log, clock: Clock = systemClock) {
  const database = openDatabase(config);
  wireNotifications(config); // notify() learns people's contacts from the org module (CLI commands too)
  const applied = await migrateToLatest(database.db);
  if (applied.length) log(`migrated: ${applied.join(', ')}`);
  const ctx = systemCtx(database, clock);
  const roles = await ensureBuiltinRoles(ctx);
  if (!(await identityRepo.userByUsername(database.db, 'admin'))) {
    const given = config.adminPassword;
    const password = given ?? randomPassword();
    await createAccount(ctx, {
      username: 'admin',
      displayName: '系统管理员',
      personId: null,
      roleIds: [roles.get('admin')!],
      password,
      mustChange: given ? false : true,
    });
    if (!given) {
      log('========================================================');
      log(`  首次启动：管理员账号 admin 的初始密码 / initial admin password: ${password}`);
      log('  首次登录后须修改 / you must change it at first sign-in');
      log('========================================================');
    }
  }
  if (config.seedDemo) {
    const seeded = await seedDemo(database, clock);
    if (seeded.seeded)
      log(
        `演示数据 / demo data: ${seeded.departments} 部门, ${seeded.people} 人员, ${seeded.posts} 岗位; 演示账号 office / depthead / staff1 / inspector, 密码 Demo@2026`,
      );
    const campaign = await seedCampaign(database, { dataDir: config.dataDir, clock });
    if (campaign.seeded)
      log(
        `演示计划 / demo plan: ${campaign.programmes} 工程, ${campaign.measures} 举措, ${campaign.tasks} 任务（${campaign.tagged} 项挂牌）; 领导账号 leader, 密码 Demo@2026`,
      );
  }
  return database;
}
