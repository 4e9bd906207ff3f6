import type { RectificationAction } from '@qinlian/contracts';
import type { TxCtx } from '../../platform/context.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { rectificationRepo } from './rectification.repo.ts';

/** One line of an item's history (整改记录), written in the step's transaction. No actor: the public's review opened it. */
export async function addEvent(
  tx: TxCtx,
  rectificationId: string,
  action: RectificationAction,
  extra: { note?: string | null; attachmentRef?: string | null; ownerPersonId?: string | null } = {},
) {
  const actor = tx.actor;
  await rectificationRepo.addEvent(tx.db, {
    id: newId(),
    rectificationId,
    action,
    actorUserId: actor && actor.via !== 'system' ? actor.userId : null,
    actorName: actor?.name ?? '系统',
    note: extra.note ?? null,
    attachmentRef: extra.attachmentRef ?? null,
    ownerPersonId: extra.ownerPersonId ?? null,
    at: iso(tx.clock.now()),
  });
}
