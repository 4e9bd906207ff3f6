import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { errorMessage } from '@qinlian/contracts';
import { DomainError } from '../errors.ts';

/**
 * 邮件收件: the server's own SMTP listener. It is meant to sit behind the organisation's mail relay,
 * so it asks for no AUTH (and offers no STARTTLS: it listens on the loopback or an internal
 * network), but it only takes mail for one domain, refuses a message over `maxBytes` at SMTP level
 * (SIZE extension; 552) and throttles a flood from one client address (421, the relay retries
 * later). What a message means is the caller's business: `deliver` takes the raw bytes.
 */
export type InboundMailOptions = {
  host: string;
  /** 0: any free port (tests) */
  port: number;
  /** the only recipient domain accepted; any other recipient gets 550 */
  domain: string;
  maxBytes?: number;
  /** messages one client address may hand in per window before it gets 421 */
  perAddress?: { max: number; windowMs: number };
  /**
   * Take one message. Resolve once it is durable (the 250 goes out only then); throw a DomainError
   * with a 4xx status to refuse it for good (550, 552 for 413), anything else for a temporary 451.
   */
  deliver(raw: Buffer, envelope: InboundEnvelope): Promise<void>;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
};

export type InboundEnvelope = { mailFrom: string | null; rcptTo: string[]; remoteAddress: string };
export type InboundMailListener = { host: string; port: number; close(): Promise<void> };

/** 25 MB: what common mail services take, attachments included. */
export const INBOUND_MAIL_MAX_BYTES = 25 * 1024 * 1024;
/** 30 messages per address per 10 minutes: far above a person's mail, far below a flood. */
export const INBOUND_MAIL_PER_ADDRESS = { max: 30, windowMs: 10 * 60_000 };
/** How long a stop waits for transactions in hand before dropping them (the relay retries those). */
const CLOSE_GRACE_MS = 5_000;

/** An SMTP reply: the code, and text in ASCII (a reply line carries no other characters safely). */
const smtpError = (responseCode: number, text: string) =>
  Object.assign(new Error(text.replace(/[“”]/g, '"').replace(/[^\x20-\x7e]/g, '')), { responseCode });

/** An IPv6 client counts by its /64, as the public API counts it: one host holds the whole prefix. */
export function throttleKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!plain.includes(':')) return plain;
  const [head = '', tail = ''] = plain.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = plain.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Sliding-window counts per client address, in this process (each instance counts its own). */
function addressThrottle({ max, windowMs }: { max: number; windowMs: number }) {
  const seen = new Map<string, number[]>();
  return (address: string, now: number): boolean => {
    const key = throttleKey(address);
    if (seen.size > 10_000) for (const [k, times] of seen) if (times[times.length - 1]! <= now - windowMs) seen.delete(k);
    const recent = (seen.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= max) {
      seen.set(key, recent);
      return false;
    }
    recent.push(now);
    seen.set(key, recent);
    return true;
  };
}

/** The message's bytes, up to `maxBytes` (the server answers 552 itself past that). */
async function readMessage(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return stream.sizeExceeded || size > maxBytes ? null : Buffer.concat(chunks);
}

/** What the sender hears when `deliver` turns a message away. */
function refusal(err: unknown): Error & { responseCode: number } {
  if (err instanceof DomainError && err.status >= 400 && err.status < 500) {
    const text = errorMessage(err.code, 'en-US', err.params);
    return err.status === 413 ? smtpError(552, `5.3.4 ${text}`) : smtpError(550, `5.6.0 ${text}`);
  }
  return smtpError(451, '4.3.0 Temporary failure, please try again later');
}

export async function startInboundMail(opts: InboundMailOptions): Promise<InboundMailListener> {
  const maxBytes = opts.maxBytes ?? INBOUND_MAIL_MAX_BYTES;
  const allow = addressThrottle(opts.perAddress ?? INBOUND_MAIL_PER_ADDRESS);
  const domain = opts.domain.toLowerCase();
  const server = new SMTPServer({
    name: domain,
    banner: 'Qinlian mail intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    rejectOversized: true,
    closeTimeout: CLOSE_GRACE_MS,
    logger: false,
    onMailFrom(_address, session, cb) {
      if (allow(session.remoteAddress, Date.now())) return cb();
      opts.log?.('warn', 'mail intake: too many messages from one address', { remoteAddress: session.remoteAddress });
      cb(smtpError(421, '4.7.0 Too many messages from your address, try again later'));
    },
    onRcptTo(address, _session, cb) {
      const at = address.address.lastIndexOf('@');
      if (at > 0 && address.address.slice(at + 1).toLowerCase() === domain) return cb();
      cb(smtpError(550, `5.1.1 <${address.address}>: recipient not accepted here`));
    },
    onData(stream, session: SMTPServerSession, cb) {
      readMessage(stream, maxBytes)
        .then(async (raw) => {
          if (raw === null) return cb(); // over the limit: rejectOversized answers 552
          await opts.deliver(raw, {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            remoteAddress: session.remoteAddress,
          });
          cb();
        })
        .catch((err: unknown) => {
          const answer = refusal(err);
          if (answer.responseCode === 451)
            opts.log?.('error', 'mail intake: a message could not be stored', { error: err instanceof Error ? err.message : String(err) });
          cb(answer);
        });
    },
  });
  server.on('error', (err) => opts.log?.('error', 'mail intake: server error', { error: err.message }));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const bound = server.server.address() as AddressInfo;
  return {
    host: bound.address,
    port: bound.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
