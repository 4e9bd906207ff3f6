import type { Config } from '../config.ts';
import type { Clock } from '../clock.ts';
import { iso } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { unseal } from '../crypto/sealed.ts';
import { backoffDelay, defineJob, type Backoff } from '../jobs/define.ts';
import { deliveryRepo, type DeliveryRow } from './delivery.repo.ts';
import { CHANNELS, type OutgoingDelivery } from './channels.ts';

/** 1, 2, 4, 8, 16 minutes between the six attempts of one delivery. */
export const DELIVERY_BACKOFF: Backoff = { baseMs: 60_000, factor: 2, maxMs: 3_600_000 };
const INTERRUPTED_AFTER_MS = 10 * 60_000;

/** A failure no retry can mend (the channel is gone or off): the delivery fails at once. */
class Undeliverable extends Error {}

export type DeliveryDeps = { db: Db; clock: Clock; config: Config };
export type DeliverySummary = { sent: number; retried: number; failed: number };

const absolute = (config: Config, link: string | null) =>
  link === null
    ? null
    : /^https?:\/\//.test(link)
      ? link
      : config.publicUrl
        ? `${config.publicUrl}${link.startsWith('/') ? '' : '/'}${link}`
        : null;

/** Where a delivery goes: its channel row (opened seal), or the SMTP settings from the environment. */
async function resolve(deps: DeliveryDeps, d: DeliveryRow): Promise<OutgoingDelivery> {
  const base = { id: d.id, title: d.title, body: d.body, link: absolute(deps.config, d.link), address: d.address, now: deps.clock.now() };
  if (d.channelId === null) {
    if (d.channel === 'email')
      return { ...base, target: deps.config.smtp?.url ?? null, secret: null, from: deps.config.smtp?.from ?? null };
    return { ...base, target: null, secret: null, from: null };
  }
  const ch = await deliveryRepo.channelById(deps.db, d.channelId);
  if (!ch) throw new Undeliverable('the channel was deleted');
  if (!ch.enabled) throw new Undeliverable('the channel is disabled');
  const settings = JSON.parse(ch.settings) as { from?: string };
  const smtpFallback = d.channel === 'email' && !ch.target ? deps.config.smtp : null;
  return {
    ...base,
    target: ch.target ?? smtpFallback?.url ?? null,
    secret: ch.secret ? unseal(deps.config, ch.secret) : null,
    from: settings.from ?? smtpFallback?.from ?? deps.config.smtp?.from ?? null,
  };
}

/**
 * Send every due delivery once. Each is claimed with an atomic queued → sending update before
 * anything goes out, so concurrent runs (jobs on two instances, a retry overlapping) never send
 * one twice; a failure waits its backoff and is retried until max_attempts, then marked failed.
 */
export async function deliverDueNotifications(deps: DeliveryDeps, opts: { max?: number } = {}): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, retried: 0, failed: 0 };
  const started = deps.clock.now();
  await deliveryRepo.failInterrupted(deps.db, iso(new Date(started.getTime() - INTERRUPTED_AFTER_MS)), iso(started));
  const due = await deliveryRepo.dueIds(deps.db, iso(started), opts.max ?? 200);
  for (const { id } of due) {
    const d = await deliveryRepo.claim(deps.db, id, iso(deps.clock.now()));
    if (!d) continue; // another runner took it
    try {
      await CHANNELS[d.channel].send(await resolve(deps, d));
      await deliveryRepo.finish(deps.db, d.id, { status: 'sent', sentAt: iso(deps.clock.now()), lastError: null, nextAttemptAt: null });
      summary.sent++;
    } catch (err) {
      const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      const now = deps.clock.now().getTime();
      if (d.attempts < d.maxAttempts && !(err instanceof Undeliverable)) {
        await deliveryRepo.finish(deps.db, d.id, {
          status: 'queued',
          lastError,
          nextAttemptAt: iso(new Date(now + backoffDelay(DELIVERY_BACKOFF, d.attempts))),
        });
        summary.retried++;
      } else {
        await deliveryRepo.finish(deps.db, d.id, { status: 'failed', lastError, nextAttemptAt: null });
        summary.failed++;
      }
    }
  }
  return summary;
}

/** 通知投递: every minute, send what is due. */
export const notificationDeliveryJob = defineJob({
  kind: 'notification-delivery',
  schedule: [{ cron: '* * * * *', catchUpMs: 5 * 60_000 }], // every minute
  maxAttempts: 1, // each delivery keeps its own attempts; the next minute's run picks up the rest
  leaseMs: 15 * 60_000,
  async handler(ctx) {
    await deliverDueNotifications({ db: ctx.db as Db, clock: ctx.clock, config: ctx.config });
  },
});
