import { BulletinPublishBody as PublishSchema, type BulletinPublishBody, type BulletinRankingRow } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { signChainHead } from '../audit/index.ts';
import { claimDocumentNumber, reserveDocumentNumber } from '../document-numbers/index.ts';
import { settingsOf } from './bulletin-settings.service.ts';
import { bulletinToChange, rankingDigest, touchBulletin } from './bulletins.service.ts';
import { bulletinsRepo, type BulletinRow } from './bulletins.repo.ts';

/*
 * 送审 → 发布: a draft goes to review (leaders comment), may come back to draft, and is published —
 * numbered (发文字号), sealed in the audit chain with its comments, and printed with the chain's
 * SM2-signed head. Every step one transaction with its audit record; nothing changes after.
 */

/** 送审: a draft with at least one ranked department goes to review (409 when nothing can be ranked). */
export async function submitBulletin(ctx: Ctx, id: string, version: number): Promise<BulletinRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await bulletinToChange(tx, id, version, 'draft');
    const ranking = JSON.parse(before.ranking) as BulletinRankingRow[];
    if (!ranking.some((r) => r.rank !== null)) throw new DomainError('bulletin_nothing_ranked', 409);
    return moveTo(tx, before, 'review', 'bulletin.submit');
  });
}

/** 退回修改: a bulletin in review back to draft (its comments stay), to be recomputed or re-weighted. */
export async function returnBulletin(ctx: Ctx, id: string, version: number): Promise<BulletinRow> {
  return inTransaction(ctx, async (tx) => moveTo(tx, await bulletinToChange(tx, id, version, 'review'), 'draft', 'bulletin.return'));
}

async function moveTo(tx: TxCtx, before: BulletinRow, status: 'draft' | 'review', action: string): Promise<BulletinRow> {
  const after = await touchBulletin(tx, before, { status });
  await recordAudit(tx, {
    action,
    entityType: 'bulletin',
    entityId: before.id,
    before: { status: before.status, version: before.version },
    after: { status, version: after.version },
  });
  return after;
}

/** The number it goes out under: the one typed (400 malformed, 409 taken), else the next of the plan's series for this year. */
async function numberFor(tx: TxCtx, row: BulletinRow, typed: string | undefined, prefix: string) {
  const holder = { entityType: 'bulletin', entityId: row.id };
  if (typed) return claimDocumentNumber(tx, { number: typed, holder });
  const year = Number(shanghaiDate(tx.clock.now()).slice(0, 4));
  return reserveDocumentNumber(tx, { prefix, year, holder });
}

/**
 * 发布: in one transaction — the number; the bulletin published with the organ and recipients as
 * printed; its audit record sealing the row and its comments; then the chain's head, which now covers
 * that record, signed with the area's SM2 key and stored for the document's 记录核验 block. The head
 * is kept beside the sealed columns (it cannot be sealed by the event it covers; its signature proves
 * it). A refusal anywhere leaves nothing: no number, no event, the bulletin still in review.
 */
export async function publishBulletin(ctx: Ctx, id: string, input: BulletinPublishBody): Promise<BulletinRow> {
  const body = PublishSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await bulletinToChange(tx, id, body.version, 'review');
    const settings = await settingsOf(tx.db, before.planId);
    const { number } = await numberFor(tx, before, body.number, settings.documentPrefix);
    const now = iso(tx.clock.now());
    const after = await touchBulletin(tx, before, {
      status: 'published',
      number,
      organ: settings.organ,
      organMark: settings.organMark,
      recipients: JSON.stringify(settings.recipients),
      publishedAt: now,
      publishedByName: tx.actor?.name ?? '系统',
    });
    const comments = await bulletinsRepo.commentsOf(tx.db, id);
    await recordAudit(tx, {
      action: 'bulletin.publish',
      entityType: 'bulletin',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: 'published', number, publishedAt: now, version: after.version, ...rankingDigest(JSON.parse(after.ranking)) },
      seal: comments.map((c) => ({ table: 'bulletinComments' as const, id: c.id })),
    });
    const head = await signChainHead(tx);
    const columns = {
      headSeq: head.seq,
      headHash: head.hash,
      headAlgorithm: head.algorithm,
      headKeyId: head.keyId,
      headPublicKey: head.publicKey,
      headSignature: head.signature,
      headSignedAt: head.signedAt,
    };
    await bulletinsRepo.storeHead(tx.db, id, columns);
    return { ...after, ...columns };
  });
}
