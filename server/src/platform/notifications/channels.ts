import crypto from 'node:crypto';
import nodemailer from 'nodemailer';

export type ChannelName = 'inapp' | 'email' | 'dingtalk' | 'wecom';

/** One delivery, resolved for sending: the message, who gets it, and where it goes. */
export type OutgoingDelivery = {
  id: string;
  title: string;
  body: string;
  /** absolute URL into the console, when the public URL is known */
  link: string | null;
  /** e-mail: the address ("张三" <a@b.cn>); robots: null */
  address: string | null;
  /** e-mail: SMTP URL; robots: the webhook URL */
  target: string | null;
  /** e-mail: SMTP password; DingTalk: the signing secret (加签); opened from its seal */
  secret: string | null;
  /** e-mail: the sender */
  from: string | null;
  now: Date;
};

/** Every way out goes through this one interface; send() throws to ask for a retry. */
export interface NotificationChannel {
  readonly name: ChannelName;
  send(delivery: OutgoingDelivery): Promise<void>;
}

/** In-app: the inbox row is written with the notification itself; nothing left to send. */
export const inAppChannel: NotificationChannel = { name: 'inapp', async send() {} };

const TIMEOUT_MS = 10_000;

/** E-mail over SMTP (nodemailer). The password may live in the URL or, sealed, beside it. */
export const emailChannel: NotificationChannel = {
  name: 'email',
  async send(d) {
    if (!d.target) throw new Error('no SMTP server configured (QINLIAN_SMTP_URL or an e-mail channel)');
    if (!d.address) throw new Error('the recipient has no e-mail address');
    const url = new URL(d.target);
    const secure = url.protocol === 'smtps:';
    const user = decodeURIComponent(url.username);
    const pass = d.secret ?? decodeURIComponent(url.password);
    const transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      auth: user ? { user, pass } : undefined,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: 2 * TIMEOUT_MS,
    });
    try {
      await transport.sendMail({
        from: d.from ?? undefined,
        to: d.address,
        subject: d.title,
        text: [d.body, d.link ? `\n查看详情：${d.link}` : '', '\n——勤廉平台（系统邮件，请勿直接回复）'].join('\n'),
        headers: { 'X-Qinlian-Delivery': d.id },
      });
    } finally {
      transport.close();
    }
  },
};

async function postJson(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  // both robots answer 200 with {errcode, errmsg}; a non-zero errcode is a refusal (bad sign, rate limit…)
  let parsed: { errcode?: number; errmsg?: string } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: the 2xx is all we have */
  }
  if (typeof parsed.errcode === 'number' && parsed.errcode !== 0)
    throw new Error(`errcode ${parsed.errcode}: ${parsed.errmsg ?? ''}`.slice(0, 300));
}

const linkLine = (d: OutgoingDelivery) => (d.link ? `\n\n[查看详情](${d.link})` : '\n\n请登录勤廉平台查看。');

/** DingTalk's 加签: base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), both in the query. */
export function dingTalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const sign = crypto.createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestampMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** DingTalk group robot (钉钉群机器人): markdown message, signed when the robot has a secret. */
export const dingTalkChannel: NotificationChannel = {
  name: 'dingtalk',
  async send(d) {
    if (!d.target) throw new Error('the DingTalk channel has no webhook URL');
    const url = d.secret ? dingTalkSignedUrl(d.target, d.secret, d.now.getTime()) : d.target;
    await postJson(url, { msgtype: 'markdown', markdown: { title: d.title, text: `#### ${d.title}\n\n${d.body}${linkLine(d)}` } });
  },
};

/** WeCom group robot (企业微信群机器人): markdown message (content up to 4096 bytes). */
export const weComChannel: NotificationChannel = {
  name: 'wecom',
  async send(d) {
    if (!d.target) throw new Error('the WeCom channel has no webhook URL');
    let content = `**${d.title}**\n${d.body}${linkLine(d)}`;
    while (Buffer.byteLength(content, 'utf8') > 4096) content = `${content.slice(0, content.length - 64)}…`;
    await postJson(d.target, { msgtype: 'markdown', markdown: { content } });
  },
};

export const CHANNELS: Record<ChannelName, NotificationChannel> = {
  inapp: inAppChannel,
  email: emailChannel,
  dingtalk: dingTalkChannel,
  wecom: weComChannel,
};
