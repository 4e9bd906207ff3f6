import { Command } from 'commander';
import { loadConfig, VERSION } from './platform/config.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { verifyAuditChain } from './platform/audit/verify.ts';
import { prepareDatabase } from './bootstrap.ts';
import { buildApp } from './app.ts';

const program = new Command('qinlian').description('勤廉 Qinlian — 模范机关建设平台 / model-organ campaign platform').version(VERSION);

program.command('serve').description('启动服务（迁移、首次运行时写入演示数据）/ migrate, seed on first run, serve web and API')
  .action(async () => {
    const config = loadConfig();
    const database = await prepareDatabase(config);
    const app = await buildApp({ config, database });
    const stop = async () => { await app.close(); await database.close(); process.exit(0); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await app.listen({ port: config.port, host: config.host });
    console.log(`勤廉 Qinlian ${VERSION} · ${database.engine} · http://localhost:${config.port}`);
  });

program.command('migrate').description('执行数据库迁移 / apply migrations').action(async () => {
  const database = openDatabase(loadConfig());
  const applied = await migrateToLatest(database.db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'up to date');
  await database.close();
});

const audit = program.command('audit').description('审计链 / audit chain');
audit.command('verify').description('校验审计哈希链，发现篡改时以非零退出 / verify the hash chain; non-zero exit names the first bad row')
  .action(async () => {
    const database = openDatabase(loadConfig());
    const result = await verifyAuditChain(database.db);
    await database.close();
    if (result.ok) console.log(`审计链完整 / audit chain intact: ${result.checked} rows, ${result.algorithm}`);
    else console.error(`审计链被篡改 / audit chain broken at row ${result.firstBadSeq}: ${result.reason}`);
    process.exitCode = result.ok ? 0 : 1;
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
