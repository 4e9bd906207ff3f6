import type { HeadSignatureCheck } from '@qinlian/contracts';
import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { auditTrailFor } from '../platform/audit/trail.ts';
import { describeChain } from '../platform/audit/report.ts';
import { checkCheckpointFully, readCheckpointText, type FullCheckpointCheck } from '../modules/audit/index.ts';

export type CheckpointOptions = { checkpoint: string; signature?: string; key?: string; signedAt?: string };

const short = (hash: string) => `${hash.slice(0, 16)}…`;

function verdictLine({ verdict, ref, hashNow, chain }: FullCheckpointCheck): string {
  const head = chain.checked;
  switch (verdict) {
    case 'confirmed':
      return `检查点成立：第 ${ref.seq} 行的哈希与公告一致，第 1 行至链头第 ${head} 行全部复核无误 / checkpoint holds: row ${ref.seq} still has the printed hash, and rows 1 to the head (row ${head}) all verify`;
    case 'not_found':
      return `检查点不成立：审计链中没有第 ${ref.seq} 行（行被删除或链被截断，或序号抄错）/ checkpoint fails: the chain has no row ${ref.seq} (rows removed or cut off, or the number is mistyped)`;
    case 'altered':
      return `检查点不成立：第 ${ref.seq} 行的哈希已改变（公告 ${short(ref.hash)}，现在 ${short(hashNow ?? '')}），该行或此前的行被改写 / checkpoint fails: row ${ref.seq} has another hash now (printed ${short(ref.hash)}, now ${short(hashNow ?? '')}): it, or a row before it, was rewritten`;
    default: {
      const bad = chain.firstBadSeq;
      if (bad === null || bad === 0)
        return `检查点的行未变，但审计链校验未通过 / row ${ref.seq} is unchanged, but the chain does not verify: ${chain.reason}`;
      return bad > ref.seq
        ? `检查点不成立：第 ${ref.seq} 行与公告一致，但其后第 ${bad} 行不再成立——公告发出后有记录被改动 / checkpoint fails: row ${ref.seq} matches, but row ${bad} after it no longer verifies — a record was altered after the bulletin went out`
        : `检查点不成立：第 ${ref.seq} 行与公告一致，但此前第 ${bad} 行不再成立 / checkpoint fails: row ${ref.seq} matches, but row ${bad} before it no longer verifies`;
    }
  }
}

function signatureLine(s: HeadSignatureCheck): string {
  const since = s.key ? `，${s.key.validFrom} 起${s.key.validUntil ? `至 ${s.key.validUntil}` : ''}` : '';
  switch (s.problem) {
    case null:
      return `SM2 签名有效：由本区密钥 ${s.keyId} 签署${since} / SM2 signature valid: made by the area's key ${s.keyId}`;
    case 'unknown_key':
      return `SM2 签名无法核对：本区没有编号为 ${s.keyId} 的公钥 / SM2 signature not checked: the area has no public key ${s.keyId}`;
    case 'after_retirement':
      return `SM2 签名无效：签名时间晚于密钥 ${s.keyId} 停用的时间 ${s.key?.validUntil} / SM2 signature invalid: dated after key ${s.keyId} was retired (${s.key?.validUntil})`;
    default:
      return `SM2 签名无效：与公告上的序号、哈希值和签名时间不符 / SM2 signature invalid: it does not sign this sequence number, hash and time with key ${s.keyId}`;
  }
}

/**
 * 核对公告: `qinlian audit verify --checkpoint <seq>:<hash>` — exit 0 when today's chain still has
 * that row with that hash and every row from the first to the head verifies (and, when given, the
 * SM2 signature is the area's); 1 naming what does not hold. Never makes a key.
 */
export async function auditVerifyCheckpointCommand(config: Config, opts: CheckpointOptions) {
  const ref = readCheckpointText(opts.checkpoint, { signature: opts.signature, keyId: opts.key, signedAt: opts.signedAt });
  const database = openDatabase(config);
  try {
    const check = await checkCheckpointFully(database.db, ref, auditTrailFor(config, { create: false }));
    const holds = check.verdict === 'confirmed';
    (holds ? console.log : console.error)(verdictLine(check));
    (check.chain.ok ? console.log : console.error)(describeChain(check.chain));
    if (check.signature) (check.signature.valid ? console.log : console.error)(signatureLine(check.signature));
    for (const note of check.chain.notes) console.log(`注 / note: ${note}`);
    process.exitCode = holds && (check.signature?.valid ?? true) ? 0 : 1;
  } finally {
    await database.close();
  }
}
