import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';

/** 审计链校验: exit 0 when every row holds, 1 naming the first bad row. */
export async function auditVerifyCommand(config: Config) {
  const database = openDatabase(config);
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) console.log(`审计链完整 / audit chain intact: ${result.checked} rows, ${result.algorithm}`);
    else console.error(`审计链被篡改 / audit chain broken at row ${result.firstBadSeq}: ${result.reason}`);
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}
