import { listenOn, type Log } from '../db/pg-listen.ts';
import type { LiveMessage, LiveTransport } from './hub.ts';

/** The PostgreSQL channel live events travel on between app instances. */
export const LIVE_CHANNEL = 'qinlian_live';

/**
 * NOTIFY refuses payloads of 8000 bytes or more: an event is what changed and its ids, and the
 * page refetches the details. A bigger one is a programming error, reported and not sent.
 */
export const LIVE_PAYLOAD_MAX = 7_900;

/**
 * 实时推送跨实例 — live events through PostgreSQL LISTEN/NOTIFY: every instance's hub, the sender's
 * included, receives each event from the channel, in the one order PostgreSQL delivers
 * notifications, so every ring holds the same ids in the same order and a client resumes with
 * Last-Event-ID on whichever instance the load balancer picks.
 */
export function pgLiveTransport(url: string, log: Log = () => {}): LiveTransport {
  let channel: Awaited<ReturnType<typeof listenOn>> | null = null;
  return {
    async start(deliver) {
      channel = await listenOn(
        url,
        LIVE_CHANNEL,
        {
          onPayload(payload) {
            try {
              const m = JSON.parse(payload) as LiveMessage;
              if (typeof m.channel === 'string' && typeof m.id === 'string' && typeof m.event === 'string') deliver(m);
            } catch {
              // not ours: a payload another tool sent on the channel
            }
          },
        },
        log,
      );
    },
    async send(message) {
      const payload = JSON.stringify(message);
      if (Buffer.byteLength(payload) > LIVE_PAYLOAD_MAX)
        throw new Error(`live event ${message.event} on ${message.channel} is ${Buffer.byteLength(payload)} bytes: send ids, not records`);
      if (!channel) throw new Error('live events: the PostgreSQL transport has not started');
      await channel.notify(payload);
    },
    async close() {
      await channel?.close();
      channel = null;
    },
  };
}
