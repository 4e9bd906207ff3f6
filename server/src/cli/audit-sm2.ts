import type { Config } from '../platform/config.ts';
import { inTransaction } from '../platform/context.ts';
import { prepareDatabase, systemCtx } from '../bootstrap.ts';
import { publishSigningKey, rotateSigningKey, signingKeys } from '../modules/audit/index.ts';

type Database = Awaited<ReturnType<typeof prepareDatabase>>;

async function printKeys(database: Database, currentId: string) {
  console.log('本区签名公钥 / the area’s public keys (SM2-SM3, user id 1234567812345678):');
  for (const k of await signingKeys(database.db))
    console.log(`  ${k.id}${k.id === currentId ? ' *' : ''}  ${k.validFrom} → ${k.validUntil ?? '现在 / now'}\n    ${k.publicKey}`);
}

/** 签名公钥: the key that signs bulletins' heads now (published in the key table if it is not yet), and every earlier one. */
export async function auditSm2KeyCommand(config: Config) {
  const database = await prepareDatabase(config, () => {});
  try {
    const key = await inTransaction(systemCtx(database), (tx) => publishSigningKey(tx));
    console.log(`当前签名密钥 / current signing key: ${key.id} (${key.source})`);
    console.log(`公钥 / public key: ${key.publicKey}`);
    await printKeys(database, key.id);
  } finally {
    await database.close();
  }
}

/** 轮换签名密钥: a new key signs from now on; the old public key stays listed, so what it signed still verifies. */
export async function auditSm2RotateCommand(config: Config) {
  const database = await prepareDatabase(config, () => {});
  try {
    const { key, retired } = await rotateSigningKey(systemCtx(database));
    console.log(`已轮换签名密钥 / signing key rotated: ${key.id}${retired.length ? `，停用 / retired ${retired.join(', ')}` : ''}`);
    console.log(`新公钥 / new public key: ${key.publicKey}`);
    await printKeys(database, key.id);
  } finally {
    await database.close();
  }
}
