import fs from 'node:fs';
import path from 'node:path';
import { ALL_PERMISSIONS, type ImportReport } from '@qinlian/contracts';
import type { Config } from '../platform/config.ts';
import { systemActor, type Ctx } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { xlsxLimitsOf } from '../platform/documents/xlsx-limits.ts';
import { prepareDatabase, systemCtx } from '../bootstrap.ts';
import { importPeople } from '../modules/org/index.ts';
import { CliError } from './common.ts';

/**
 * Whoever runs the command line on the server is its operator: the system actor with every
 * permission and the whole organisation in scope (audit records name 系统, from 'cli').
 */
const operatorCtx = (database: Database): Ctx => ({
  ...systemCtx(database),
  actor: { ...systemActor, permissions: new Set(ALL_PERMISSIONS) },
});

export function printImportReport(report: ImportReport, log: (line: string) => void = console.log) {
  const mode = report.dryRun
    ? '试导入（未写入）/ dry run (nothing written)'
    : report.committed
      ? '已导入 / imported'
      : '未导入 / not imported';
  log(`${mode}: ${report.total} 行 / rows, ${report.created} 新建 / created, ${report.errors.length} 处错误 / errors`);
  const byRow = new Map<number, ImportReport['errors']>();
  for (const e of report.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  for (const [row, errors] of [...byRow].sort((a, b) => a[0] - b[0])) {
    for (const e of errors) log(`  第 ${row} 行 / row ${row}  ${e.field}: ${e.message}`);
  }
  if (report.accounts?.length) {
    log(
      '新开账号的初始密码（只显示这一次，首次登录须修改）/ initial passwords of the new accounts (shown once, changed at first sign-in):',
    );
    for (const a of report.accounts) log(`  第 ${a.row} 行 / row ${a.row}  ${a.username}  ${a.initialPassword}`);
  }
}

/** 导入人员: every row valid or nothing written; exit 1 when any row is bad. */
export async function importPeopleCommand(config: Config, file: string, opts: { dryRun?: boolean }) {
  const full = path.resolve(file);
  if (!fs.existsSync(full)) throw new CliError(`文件不存在 / no such file: ${full}`);
  const database = await prepareDatabase(config);
  try {
    const reading = { limits: xlsxLimitsOf(config.imports), onProgress: () => {} };
    const report = await importPeople(operatorCtx(database), fs.readFileSync(full), { dryRun: !!opts.dryRun, reading });
    printImportReport(report);
    if (report.errors.length) process.exitCode = 1;
  } finally {
    await database.close();
  }
}
