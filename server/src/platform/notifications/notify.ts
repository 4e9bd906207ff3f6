import type { TxCtx } from '../context.ts';

/** What a module asks to tell people. Delivered in-app, by e-mail and to group robots (channels decide). */
export type NotificationInput = {
  kind: string; // e.g. task.urge, task.warning.red, task.escalate
  recipientPersonIds: string[];
  title: string;
  body: string;
  link?: string; // a console path, e.g. /tasks/<id>
  entityType?: string;
  entityId?: string;
  /** same key → delivered once, however often asked (idempotent retries and repeated job runs) */
  dedupeKey: string;
};

/**
 * Queue a notification inside the caller's transaction: it exists exactly when the write that
 * caused it commits. (Interface fixed here; the delivery engine lives beside it.)
 */
export async function notify(_ctx: TxCtx, _input: NotificationInput): Promise<void> {
  throw new Error('notifications engine not built yet');
}
