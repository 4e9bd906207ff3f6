import { Command, Option } from 'commander';
import { loadConfig, VERSION } from './platform/config.ts';
import { describeError, exitCodeOf } from './cli/common.ts';
import { ROLE_CODES_HINT } from './cli/user.ts';
import { prepareDatabase } from './bootstrap.ts';
import { seedDemo } from './seed/demo.ts';
import { seedCampaign } from './seed/campaign.ts';
import { seedOfficeRules } from './seed/office-rules-demo.ts';

/**
 * The `qinlian` command line: a map from commands to the small files under cli/ that do the work.
 * Each command loads its file when it runs, so `backup` or `audit verify` never load the HTTP app.
 */
const program = new Command('qinlian').description('勤廉 Qinlian — 模范机关建设平台 / model-organ campaign platform').version(VERSION);
const collect = (value: string, previous: string[]) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

program
  .command('serve')
  .description('启动服务（迁移、首次运行时写入演示数据）/ migrate, seed on first run, serve web and API')
  .action(async () => (await import('./cli/serve.ts')).serveCommand(loadConfig()));

program
  .command('migrate')
  .description('执行数据库迁移 / apply migrations')
  .action(async () => (await import('./cli/migrate.ts')).migrateCommand(loadConfig()));

program
  .command('import')
  .description('导入数据：import people <file.xlsx> / import data: import people <file.xlsx>')
  .command('people <file>')
  .description('从 XLSX 导入人员，逐行报告错误 / import people from an XLSX file, row-by-row report')
  .option('--dry-run', '只检查不写入 / check only, write nothing')
  .action(async (file: string, opts: { dryRun?: boolean }) =>
    (await import('./cli/import.ts')).importPeopleCommand(loadConfig(), file, opts),
  );

program
  .command('seed')
  .description('写入演示数据（仅当数据库中还没有部门）/ seed the demo organisation when the database has no departments')
  .action(async () => {
    const database = await prepareDatabase({ ...loadConfig(), seedDemo: false });
    try {
      const r = await seedDemo(database);
      console.log(
        `${r.seeded ? '已写入演示数据 / demo seeded' : '已有部门，未写入 / departments exist, nothing seeded'}: ${r.departments} 部门 / departments, ${r.people} 人员 / people, ${r.posts} 岗位 / posts, ${r.accounts} 账号 / accounts`,
      );
      if (r.seeded)
        console.log(
          '演示账号 / demo accounts: office, depthead, staff1, inspector，及每个岗位的 A/B 持有人 / and every post holder（<部门代码>.<序号>，见 README）— 密码 / password Demo@2026',
        );
      const c = await seedCampaign(database, { dataDir: loadConfig().dataDir });
      if (c.seeded)
        console.log(
          `演示计划 / demo plan: ${c.tasks} 任务 / tasks (${c.tagged} 挂牌 / tagged); 领导账号 / leader account: leader — 密码 / password Demo@2026`,
        );
      const rules = await seedOfficeRules(database, { keys: loadConfig() });
      if (rules.seeded)
        console.log(
          '演示办事规则 / office rules demo: 去向牌、亮牌、首问登记、好差评、整改 / whereabouts, badges, enquiries, ratings, rectification',
        );
    } finally {
      await database.close();
    }
  });

program
  .command('backup <file>')
  .description('在线备份 SQLite 数据库（服务运行时也可）/ online backup of the SQLite database, safe while the server runs')
  .option('--force', '覆盖已有文件 / overwrite an existing file')
  .action(async (file: string, opts: { force?: boolean }) => (await import('./cli/backup.ts')).backupCommand(loadConfig(), file, opts));

program
  .command('restore <file>')
  .description('从备份恢复 SQLite 数据库（须先停止服务）/ restore the SQLite database from a backup (stop the server first)')
  .option('--force', "审计链断裂也恢复 / restore even if the backup's audit chain is broken")
  .action(async (file: string, opts: { force?: boolean }) => (await import('./cli/restore.ts')).restoreCommand(loadConfig(), file, opts));

const audit = program
  .command('audit')
  .description(
    '审计链：audit verify 校验，audit checkpoint 签署链头，audit sm2-key / sm2-rotate 公告签名密钥 / audit chain: verify, checkpoint, and the bulletins’ SM2 key',
  );
audit
  .command('verify')
  .description(
    '校验审计哈希链、MAC 与检查点，发现篡改时以非零退出 / verify the hash chain, its MACs and checkpoints; non-zero exit names the first bad row',
  )
  .option('--records', '并核对业务数据与审计记录 / also hold every tracked business row to its latest audit seal')
  .option(
    '--checkpoint <seq:hash>',
    '核对公告上印的链头仍在链中且其后完好 / check that the head a bulletin printed is still in the chain, and all after it intact',
  )
  .option(
    '--signature <hex>',
    '并核对公告上的 SM2 签名（与 --key、--signed-at 同用）/ also check the bulletin’s SM2 signature (with --key, --signed-at)',
  )
  .option('--key <id>', '签名所用公钥的编号 / the id of the signing key')
  .option('--signed-at <instant>', '公告上印的签名时间 / the signing time printed on the bulletin')
  .action(async (opts: { records?: boolean; checkpoint?: string; signature?: string; key?: string; signedAt?: string }) =>
    opts.checkpoint
      ? (await import('./cli/audit-checkpoint.ts')).auditVerifyCheckpointCommand(loadConfig(), { ...opts, checkpoint: opts.checkpoint })
      : (await import('./cli/audit.ts')).auditVerifyCommand(loadConfig(), opts),
  );
audit
  .command('checkpoint')
  .description(
    '用审计密钥签署链头（数据库、检查点文件、外部见证）/ sign the chain head with the audit key (database, checkpoint file, witness)',
  )
  .action(async () => (await import('./cli/audit.ts')).auditCheckpointCommand(loadConfig()));
audit
  .command('sm2-key')
  .description('显示签署公告链头的 SM2 公钥（含已停用的）/ print the SM2 public key that signs bulletins’ heads, and the retired ones')
  .action(async () => (await import('./cli/audit-sm2.ts')).auditSm2KeyCommand(loadConfig()));
audit
  .command('sm2-rotate')
  .description('轮换 SM2 签名密钥，旧公钥保留以核对旧公告 / rotate the SM2 signing key; old public keys stay to check old bulletins')
  .action(async () => (await import('./cli/audit-sm2.ts')).auditSm2RotateCommand(loadConfig()));

const user = program.command('user').description('账号：user create、user reset-password / accounts: user create, user reset-password');
user
  .command('create <username>')
  .description('创建账号，打印一次性初始密码 / create an account; prints a one-time initial password')
  .requiredOption('--name <displayName>', '姓名 / display name')
  .option(
    '--role <code>',
    `角色代码，可重复或逗号分隔 / role code, repeatable or comma-separated (${ROLE_CODES_HINT})`,
    collect,
    [] as string[],
  )
  .option('--password <password>', '指定初始密码（默认随机生成）/ initial password (default: random)')
  .option('--person <personId>', '绑定的人员 / the person this account belongs to')
  .addOption(
    new Option(
      '--no-must-change',
      '不要求首次登录修改密码（仅与 --password 同用）/ do not force a change at first sign-in (with --password only)',
    ),
  )
  .action(async (username: string, opts: { name: string; role: string[]; password?: string; person?: string; mustChange: boolean }) =>
    (await import('./cli/user.ts')).userCreateCommand(loadConfig(), username, opts),
  );
user
  .command('reset-password <username>')
  .description('重置密码，打印临时密码 / reset a password; prints a temporary one')
  .option('--password <password>', '指定临时密码（默认随机生成）/ temporary password (default: random)')
  .action(async (username: string, opts: { password?: string }) =>
    (await import('./cli/user.ts')).userResetPasswordCommand(loadConfig(), username, opts),
  );

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(describeError(err));
  process.exit(exitCodeOf(err));
});
