import crypto from 'node:crypto';
import type { Ctx } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import type { Executor } from '../../platform/db/database.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { unseal } from '../../platform/crypto/sealed.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { enqueueJob } from '../../platform/jobs/runner.ts';
import { emailChannel } from '../../platform/notifications/channels.ts';
import { DELIVERY_BACKOFF } from '../../platform/notifications/deliver.ts';
import { DELIVERY_MAX_ATTEMPTS } from '../../platform/notifications/notify.ts';
import { deliveryRepo } from '../../platform/notifications/delivery.repo.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';

/** What the reply needs of the configuration: the SMTP settings, the seal key, the public address. */
export type ReplyMailConfig = Pick<Config, 'smtp' | 'secretKey' | 'dataDir' | 'publicUrl'>;
type ReplyMailPayload = { demandId: string; reply: string };

/**
 * Where mail goes out: the e-mail channel an administrator enabled (its own server, or the
 * environment's), else QINLIAN_SMTP_URL — the same choice the notification deliveries make.
 */
async function outgoingMail(db: Executor, config: ReplyMailConfig) {
  const channel = (await deliveryRepo.enabledChannels(db)).find((c) => c.kind === 'email');
  if (!channel) return config.smtp ? { target: config.smtp.url, sealedSecret: null, from: config.smtp.from } : null;
  const target = channel.target ?? config.smtp?.url ?? null;
  if (!target) return null;
  const settings = JSON.parse(channel.settings) as { from?: string };
  return { target, sealedSecret: channel.secret, from: settings.from ?? config.smtp?.from ?? null };
}

const trackingPage = (config: ReplyMailConfig, code: string) => `${config.publicUrl ?? ''}/p/d/${code}`;

/** The polite reply (zh-CN): what they asked, the answer, the tracking code and where to follow it. */
export function replyMail(config: ReplyMailConfig, demand: Pick<DemandRow, 'code' | 'title' | 'createdAt'>, reply: string) {
  const display = formatTrackingCode(demand.code);
  const [y, m, d] = shanghaiDate(new Date(demand.createdAt)).split('-').map(Number);
  return {
    title: `关于您反映的“${demand.title}”的答复（查询码 ${display}）`.slice(0, 200),
    body: [
      '您好！',
      '',
      `您于 ${y}年${m}月${d}日 通过电子邮件反映的“${demand.title}”，现答复如下：`,
      '',
      reply.trim(),
      '',
      `查询码：${display}`,
      `您可以在 ${trackingPage(config, demand.code)} 查看办理进度和答复，并对办理结果作出评价。`,
      '',
      '感谢您对我们工作的关心和支持！',
    ].join('\n'),
  };
}

/**
 * 邮件答复: send the submitter's copy of a reply. Runs from the job table — retried with the
 * notification deliveries' backoff — so that a slow or absent mail server never holds up the reply
 * itself. The address is opened from its seal only when the mail goes out.
 */
export const demandReplyMailJob = defineJob<ReplyMailPayload>({
  kind: 'demand-reply-mail',
  maxAttempts: DELIVERY_MAX_ATTEMPTS,
  backoff: DELIVERY_BACKOFF,
  async handler(ctx, { demandId, reply }) {
    const demand = await demandsRepo.byId(ctx.db, demandId);
    if (!demand?.emailSealed) return; // nobody to write to any more
    const route = await outgoingMail(ctx.db, ctx.config);
    if (!route) return; // mail was switched off since the reply: nothing to send it through
    const { title, body } = replyMail(ctx.config, demand, reply);
    await emailChannel.send({
      id: ctx.job.id,
      title,
      body,
      link: null,
      address: unseal(ctx.config, demand.emailSealed),
      target: route.target,
      secret: route.sealedSecret ? unseal(ctx.config, route.sealedSecret) : null,
      from: route.from,
      now: ctx.clock.now(),
    });
  },
});

/**
 * Queue the reply by e-mail to the item's submitter, in the caller's transaction (it goes out
 * exactly when the reply commits; the same text asked twice goes out once). Nothing is queued —
 * false — when the item has no e-mail address or no mail server is configured.
 */
export async function mailDemandReply(
  ctx: Ctx,
  config: ReplyMailConfig,
  demand: Pick<DemandRow, 'id' | 'emailSealed'>,
  replyText: string,
): Promise<boolean> {
  if (!demand.emailSealed || !replyText.trim()) return false;
  if (!(await outgoingMail(ctx.db, config))) return false;
  const digest = crypto.createHash('sha256').update(replyText).digest('hex').slice(0, 16);
  return enqueueJob(
    ctx,
    demandReplyMailJob,
    { demandId: demand.id, reply: replyText },
    { dedupeKey: `demand-reply-mail:${demand.id}:${digest}` },
  );
}
