import type { Config } from '../../platform/config.ts';
import type { TxCtx } from '../../platform/context.ts';
import { mailDemandReply } from './demand-mail.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';

/**
 * 答复送达: the answer goes to every submitter who left an e-mail — of the item, and of every item
 * merged into it (并单: they asked the same thing) — queued in the reply's transaction.
 */
export async function sendReplyToSubmitters(tx: TxCtx, config: Config, replied: DemandRow) {
  for (const d of [replied, ...(await demandsRepo.mergedInto(tx.db, replied.id))])
    await mailDemandReply(tx, config, d, replied.reply ?? '');
}
