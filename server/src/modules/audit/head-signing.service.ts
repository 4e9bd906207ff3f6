import fs from 'node:fs';
import type { HeadSignatureCheck, SignedChainHead } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { iso } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { auditTrailOf } from '../../platform/audit/trail.ts';
import {
  headSignatureText,
  loadSm2Key,
  newSm2PrivateKey,
  signHeadText,
  sm2KeyFile,
  sm2KeyFromPrivate,
  sm2SignatureHolds,
  writeSm2KeyFile,
  type Sm2KeySource,
  type Sm2SigningKey,
} from '../../platform/audit/sm2.ts';
import type { Executor } from '../../platform/db/database.ts';
import { auditRepo } from './audit.repo.ts';
import { presentSigningKey } from './audit.presenter.ts';

/** SM2 over the SM3 digest with the default user id (GB/T 32918, GM/T 0009). */
const HEAD_SIGNATURE_ALGORITHM = 'SM2-SM3';

function signingSource(db: Executor): Sm2KeySource {
  const trail = auditTrailOf(db);
  if (!trail)
    throw new Error('数据库未绑定审计配置，无法签署链头 / this database handle has no audit trail bound: the head cannot be signed');
  return trail.signing;
}

/** The key that signs now, as configured (QINLIAN_SM2_PRIVATE_KEY or the key file); never made here. */
export function currentSigningKey(db: Executor): Sm2SigningKey {
  const key = loadSm2Key(signingSource(db), { create: false });
  if (!key)
    throw new Error(
      '没有 SM2 签名密钥：请设置 QINLIAN_SM2_PRIVATE_KEY，或先启动一次服务以在数据目录中生成 audit-sm2.key / no SM2 key: set QINLIAN_SM2_PRIVATE_KEY, or start the server once to make audit-sm2.key in the data directory',
    );
  return key;
}

/** Open `key` in the public key table, closing the key it replaces, with its audit record; nothing when it is open already. */
async function openSigningKey(tx: TxCtx, key: Sm2SigningKey, action: 'audit.signing_key.add' | 'audit.signing_key.rotate') {
  const validFrom = iso(tx.clock.now());
  const added = await auditRepo.addSigningKey(tx.db, {
    id: key.id,
    publicKey: key.publicKey,
    algorithm: HEAD_SIGNATURE_ALGORITHM,
    validFrom,
    validUntil: null,
  });
  if (!added) return;
  const retired = await auditRepo.retireSigningKeysBut(tx.db, key.id, validFrom);
  await recordAudit(tx, {
    action,
    entityType: 'audit_signing_key',
    entityId: key.id,
    after: { id: key.id, publicKey: key.publicKey, algorithm: HEAD_SIGNATURE_ALGORITHM, validFrom, retired },
  });
}

/**
 * The configured key, published in the key table if it is not yet (its first signature, or a new
 * QINLIAN_SM2_PRIVATE_KEY: the key it replaces is closed then). A key already retired may not sign:
 * instances that disagree about the key would otherwise retire each other's in turn.
 */
export async function publishSigningKey(tx: TxCtx): Promise<Sm2SigningKey> {
  const key = currentSigningKey(tx.db);
  const known = await auditRepo.signingKeyById(tx.db, key.id);
  if (known?.validUntil)
    throw new Error(
      `SM2 密钥 ${key.id}（${key.source}）已于 ${known.validUntil} 停用，不能再签名；各实例须使用同一密钥 / SM2 key ${key.id} (${key.source}) was retired at ${known.validUntil} and may not sign: every instance must use the current key`,
    );
  if (!known) await openSigningKey(tx, key, 'audit.signing_key.add');
  return key;
}

/**
 * 链头签名: the audit chain's head as this transaction sees it — its own events included, so a
 * bulletin published in it prints a head that covers its publication — signed with the area's SM2
 * key over `qinlian-audit-head:v1|<seq>|<hash>|<signedAt>`. Works on a transaction or opens one.
 */
export async function signChainHead(ctx: Ctx): Promise<SignedChainHead> {
  return inTransaction(ctx, async (tx) => {
    const key = await publishSigningKey(tx);
    const head = await auditRepo.head(tx.db);
    if (!head || head.seq === 0) throw new Error('审计链为空，无可签署 / the audit chain is empty: no head to sign');
    const row = await auditRepo.rowHash(tx.db, head.seq);
    if (row?.hash !== head.hash)
      throw new Error(
        '链头的审计事件尚未写入（已预留未写）：请先写入再签名 / the head’s audit event is reserved but not written yet: write it before signing the head',
      );
    const signedAt = iso(tx.clock.now());
    const signature = signHeadText(key, headSignatureText({ seq: head.seq, hash: head.hash, signedAt }));
    return { seq: head.seq, hash: head.hash, algorithm: row.algorithm, keyId: key.id, publicKey: key.publicKey, signature, signedAt };
  });
}

export type HeadSignatureClaim = { seq: number; hash: string; signedAt: string; keyId: string; signature: string };

/**
 * Does this signature, by the area's key `keyId`, cover exactly this head at this time? Held to the
 * key table (public keys only): a key retired before `signedAt` does not vouch for it.
 */
export async function verifyHeadSignature(db: Executor, claim: HeadSignatureClaim): Promise<HeadSignatureCheck> {
  const row = await auditRepo.signingKeyById(db, claim.keyId.toLowerCase());
  const key = row ? presentSigningKey(row) : null;
  const answer = (problem: HeadSignatureCheck['problem']): HeadSignatureCheck => ({
    valid: problem === null,
    keyId: claim.keyId,
    problem,
    key,
  });
  if (!row) return answer('unknown_key');
  if (row.validUntil && Date.parse(claim.signedAt) > Date.parse(row.validUntil)) return answer('after_retirement');
  return answer(sm2SignatureHolds(row.publicKey, headSignatureText(claim), claim.signature) ? null : 'mismatch');
}

/** Every key the area has signed with, newest first (the public keys page, `qinlian audit sm2-key`). */
export const signingKeys = async (db: Executor) => (await auditRepo.signingKeys(db)).map(presentSigningKey);

/**
 * 轮换签名密钥: a new key pair, opened in the key table (the old key closed, its public half kept so
 * what it signed still verifies) with its audit record, then put in place of the key file. The old
 * private key is gone afterwards. A key from QINLIAN_SM2_PRIVATE_KEY is rotated by changing it.
 */
export async function rotateSigningKey(ctx: Ctx): Promise<{ key: Sm2SigningKey; retired: string[] }> {
  const source = signingSource(ctx.db);
  if (source.privateKey)
    throw new Error(
      '签名密钥来自 QINLIAN_SM2_PRIVATE_KEY：请换成新的私钥并重启，首次签名时新公钥登记、旧公钥停用 / the key comes from QINLIAN_SM2_PRIVATE_KEY: set a new private key there and restart; it is published, and the old one closed, at its first signature',
    );
  const file = sm2KeyFile(source.dataDir);
  const next = `${file}.next`;
  if (!writeSm2KeyFile(next, newSm2PrivateKey()))
    throw new Error(
      `${next} 已存在：另一次轮换正在进行或曾中断，确认后删除它再试 / ${next} exists: another rotation is under way or was interrupted; remove it and try again`,
    );
  const key = sm2KeyFromPrivate(fs.readFileSync(next, 'utf8'), file);
  let retired: string[];
  try {
    retired = await inTransaction(ctx, async (tx) => {
      const before = (await auditRepo.signingKeys(tx.db)).filter((k) => k.validUntil === null).map((k) => k.id);
      await openSigningKey(tx, key, 'audit.signing_key.rotate');
      return before;
    });
  } catch (e) {
    fs.rmSync(next, { force: true });
    throw e;
  }
  fs.renameSync(next, file); // the server reads the key file at each signature: it signs with the new key from now on
  return { key, retired };
}
