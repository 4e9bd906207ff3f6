import { detailMessage, type ChannelTestBody, type ChannelTestResult } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { invalid } from '../../platform/errors.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { unseal } from '../../platform/crypto/sealed.ts';
import { CHANNELS, type OutgoingDelivery } from '../../platform/notifications/channels.ts';
import { getChannel } from './notifications.service.ts';

/** The test message, in Chinese like every message the robots post to their groups. */
const testMessage = (who: string, at: Date) => ({
  title: '【测试】勤廉平台通知通道',
  body: `这是一条测试消息，由 ${who} 于 ${at.toISOString().replace('T', ' ').slice(0, 16)}（UTC）从系统管理发出。收到即表示通道配置正确，无需回复。`,
});

/**
 * 测试发送: one message through the channel, now, outside the delivery queue (nothing is queued or
 * retried), so an administrator sees at once whether the robot or SMTP server takes it. A disabled
 * channel can be tested before it is switched on. The attempt and its outcome are audited; the
 * answer says what the far end refused, as it said it.
 */
export async function testChannel(ctx: Ctx, config: Config, id: string, body: ChannelTestBody): Promise<ChannelTestResult> {
  const row = await getChannel(ctx, id);
  if (row.kind === 'email' && !body.to) throw invalid([{ path: 'body.to', message: detailMessage('required', ctx.lang) }]);
  const settings = JSON.parse(row.settings) as { from?: string };
  const now = ctx.clock.now();
  const smtp = row.kind === 'email' && !row.target ? config.smtp : null;
  const outgoing: OutgoingDelivery = {
    id: `test-${newId()}`,
    ...testMessage(ctx.actor!.name, now),
    link: null,
    address: row.kind === 'email' ? (body.to ?? null) : null,
    target: row.target ?? smtp?.url ?? null,
    secret: row.secret ? unseal(config, row.secret) : null,
    from: settings.from ?? config.smtp?.from ?? null,
    now,
  };
  let error: string | null = null;
  try {
    await CHANNELS[row.kind].send(outgoing);
  } catch (err) {
    error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
  }
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'notification_channel.test',
      entityType: 'notification_channel',
      entityId: id,
      after: { ok: error === null, error, to: outgoing.address },
    }),
  );
  return { ok: error === null, error, at: iso(now) };
}
