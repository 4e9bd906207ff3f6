import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { systemActor, type Ctx } from './platform/context.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { randomPassword } from './platform/auth/passwords.ts';
import { accountByUsername, createAccount, ensureBuiltinRoles, peopleAccounts } from './modules/identity/index.ts';
import { providePeopleAccounts } from './modules/org/index.ts';
import { providePlanTasks } from './modules/plan/index.ts';
import { planTasks } from './modules/tasks/index.ts';
import { prepareAuditTrail } from './platform/audit/baseline.ts';
import { seedDemo } from './seed/demo.ts';
import { seedCampaign } from './seed/campaign.ts';
import { seedOfficeRules } from './seed/office-rules-demo.ts';
import { seedDemands } from './seed/demands-demo.ts';
import { seedCadence } from './seed/cadence-demo.ts';
import { wireNotifications } from './modules/notifications/index.ts';

export const systemCtx = (database: Database, clock: Clock = systemClock): Ctx => ({
  actor: systemActor,
  db: database.db,
  ip: 'cli',
  lang: 'zh-CN',
  clock,
});

type Log = (line: string) => void;

/**
 * Open and migrate the database, and make what the system itself needs to be usable: the built-in
 * roles and, on first start, the `admin` account. Every CLI command starts here; none replays the
 * demo (only `serve` and `seed` do, through `seedDemoWhenAsked`).
 */
export async function prepareDatabase(config: Config, log: Log = console.log, clock: Clock = systemClock) {
  const database = openDatabase(config);
  wireNotifications(config); // notify() learns people's contacts from the org module (CLI commands too)
  providePeopleAccounts(peopleAccounts); // org opens accounts through identity without importing it (org/people-accounts.port.ts)
  providePlanTasks(planTasks); // the plan shows its tasks' figures and recolours them without importing tasks (plan/plan-tasks.port.ts)
  const applied = await migrateToLatest(database.db);
  if (applied.length) log(`migrated: ${applied.join(', ')}`);
  const ctx = systemCtx(database, clock);
  await prepareAuditTrail(ctx, config, log); // the audit key, checkpoint file and witness; seals the rows of an older database once
  const roles = await ensureBuiltinRoles(ctx);
  if (!(await accountByUsername(database.db, 'admin'))) {
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
  return database;
}

/** The demo organisation, the 2026 campaign plan and the office rules' demo, when asked (config.seedDemo) and the database has no departments yet. */
export async function seedDemoWhenAsked(database: Database, config: Config, log: Log = console.log, clock: Clock = systemClock) {
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
    const rules = await seedOfficeRules(database, { keys: config, clock });
    if (rules.seeded)
      log(
        '演示办事规则 / office rules demo: 去向牌、亮牌、首问登记、好差评、整改 / whereabouts, badges, enquiries, ratings, rectification',
      );
    const demands = await seedDemands(database, { keys: config, clock });
    if (demands.seeded && demands.accuracy)
      log(
        `演示群众诉求 / public demands demo: ${demands.submissions} 件（征集活动 1 项）; 分类建议准确率 / routing accuracy ${demands.accuracy.hits}/${demands.accuracy.total}`,
      );
    const cadence = await seedCadence(database, { clock });
    if (cadence.seeded) log(`演示一周一调度 / weekly dispatch demo: 本周调度单 ${cadence.sheets} 张 / this week's sheets drafted`);
  }
}
