import { BulletinCommentBody as CommentSchema, type BulletinCommentBody } from '@qinlian/contracts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { has } from '../../platform/policy/policy.ts';
import { peopleBasics } from '../org/index.ts';
import { loadBulletin } from './bulletins.service.ts';
import { bulletinsRepo, type BulletinRow, type CommentRow } from './bulletins.repo.ts';

/*
 * 领导点评: leaders (bulletins.comment) comment on a bulletin in review; the bulletin prints them under
 * their names and posts. A comment may be taken back by its author, or by the office, until the
 * bulletin is published — then it is sealed with it and stays.
 */

const refuseUnlessInReview = (row: BulletinRow) => {
  if (row.status === 'published') throw new DomainError('bulletin_published', 409, { number: row.number ?? '' });
  if (row.status !== 'review') throw new DomainError('bulletin_not_in_review', 409);
};

/** May this actor take the comment back: their own, or the office's say, while the bulletin is in review. */
export const mayRemoveComment = (actor: Actor, row: Pick<BulletinRow, 'status'>, c: Pick<CommentRow, 'authorUserId'>) =>
  row.status === 'review' && (c.authorUserId === actor.userId || has(actor, 'bulletins.manage'));

/** 点评: 404 out of sight, 403 without bulletins.comment, 409 unless the bulletin is in review. */
export async function addComment(ctx: Ctx, bulletinId: string, input: BulletinCommentBody): Promise<void> {
  const body = CommentSchema.parse(input);
  await inTransaction(ctx, async (tx) => {
    const row = await loadBulletin(tx, bulletinId);
    if (!has(tx.actor!, 'bulletins.comment')) throw forbidden();
    refuseUnlessInReview(row);
    const actor = tx.actor!;
    const person = actor.personId ? (await peopleBasics(tx.db, [actor.personId])).get(actor.personId) : undefined;
    const comment: CommentRow = {
      id: newId(),
      bulletinId,
      authorUserId: actor.userId,
      authorPersonId: person?.id ?? null,
      authorName: person?.name ?? actor.name,
      authorTitle: person?.title ?? '',
      text: body.text,
      createdAt: iso(tx.clock.now()),
    };
    await bulletinsRepo.insertComment(tx.db, comment);
    await recordAudit(tx, { action: 'bulletin.comment', entityType: 'bulletin_comment', entityId: comment.id, after: comment });
  });
}

/** 撤回点评: the author's own, or any by the office, while in review; 404 for a comment of another bulletin. */
export async function removeComment(ctx: Ctx, bulletinId: string, commentId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await loadBulletin(tx, bulletinId);
    const comment = await bulletinsRepo.commentById(tx.db, bulletinId, commentId);
    if (!comment) throw notFound();
    refuseUnlessInReview(row);
    if (!mayRemoveComment(tx.actor!, row, comment)) throw forbidden();
    await bulletinsRepo.deleteComment(tx.db, commentId);
    await recordAudit(tx, { action: 'bulletin.comment_remove', entityType: 'bulletin_comment', entityId: commentId, before: comment });
  });
}
