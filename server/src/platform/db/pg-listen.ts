import pg from 'pg';

export type Log = (level: 'info' | 'warn', msg: string) => void;
export type PgChannel = { notify(payload: string): Promise<void>; close(): Promise<void> };

/**
 * One PostgreSQL channel between app instances (LISTEN/NOTIFY, no extra server): a dedicated
 * connection listens and hands each payload to `onPayload`; `notify` sends through a one-connection
 * pool. When the listening connection drops it reconnects with backoff (250 ms doubling to 10 s) and
 * calls `onResumed`, since what was sent meanwhile was missed.
 */
export async function listenOn(
  url: string,
  channel: string,
  handlers: { onPayload(payload: string): void; onResumed?(): void },
  log: Log = () => {},
): Promise<PgChannel> {
  let closed = false;
  let listener: pg.Client | null = null;
  let retryMs = 250;
  const pool = new pg.Pool({ connectionString: url, max: 1 });

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) handlers.onPayload(msg.payload);
    });
    client.on('error', (e) => {
      log('warn', `${channel}: listening connection lost (${e.message}); reconnecting`);
      reconnectSoon(client);
    });
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (closed) return void (await client.end());
    listener = client;
    retryMs = 250;
  };
  const reconnectSoon = (lost: pg.Client) => {
    if (closed || listener !== lost) return;
    listener = null;
    void lost.end().catch(() => {});
    const attempt = () => {
      if (closed) return;
      connect().then(
        () => handlers.onResumed?.(),
        () => {
          retryMs = Math.min(retryMs * 2, 10_000);
          setTimeout(attempt, retryMs).unref();
        },
      );
    };
    setTimeout(attempt, retryMs).unref();
  };

  await connect();
  log('info', `listening on ${channel}`);
  return {
    async notify(payload) {
      if (!closed) await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}
