import { afterEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import { loadConfig } from '../config.ts';
import { DomainError } from '../errors.ts';
import { startInboundMail, throttleKey, type InboundEnvelope, type InboundMailListener, type InboundMailOptions } from './inbound.ts';

const listeners: InboundMailListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

async function listen(overrides: Partial<InboundMailOptions> = {}) {
  const got: { raw: Buffer; envelope: InboundEnvelope }[] = [];
  const listener = await startInboundMail({
    host: '127.0.0.1',
    port: 0,
    domain: 'xinfang.example.gov.cn',
    deliver: async (raw, envelope) => void got.push({ raw, envelope }),
    ...overrides,
  });
  listeners.push(listener);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  const send = (to: string, text = '小区门口路灯坏了一个月。') =>
    transport.sendMail({ from: '"张三" <zhangsan@example.com>', to, subject: '路灯不亮', text });
  return { listener, got, send };
}

const refusedWith = async (p: Promise<unknown>) => {
  const err = (await p.then(
    () => null,
    (e: unknown) => e,
  )) as { responseCode?: number; response?: string } | null;
  expect(err, 'the message should have been refused').not.toBeNull();
  return { code: err!.responseCode, text: err!.response ?? '' };
};

describe('the SMTP listener for mailed demands', () => {
  it('takes mail for its domain without AUTH and hands over the raw message and the envelope', async () => {
    const { got, send } = await listen();
    await send('12345@XinFang.example.gov.cn');
    expect(got).toHaveLength(1);
    expect(got[0]!.envelope).toEqual({
      mailFrom: 'zhangsan@example.com',
      rcptTo: ['12345@xinfang.example.gov.cn'],
      remoteAddress: '127.0.0.1',
    });
    const mail = await simpleParser(got[0]!.raw);
    expect(mail.subject).toBe('路灯不亮');
    expect(mail.text?.trim()).toBe('小区门口路灯坏了一个月。');
  });

  it('refuses recipients of any other domain with 550, and keeps nothing', async () => {
    const { got, send } = await listen();
    const r = await refusedWith(send('someone@example.com'));
    expect(r.code).toBe(550);
    expect(r.text).toMatch(/recipient not accepted/);
    expect((await refusedWith(send('x@evil.xinfang.example.gov.cn'))).code).toBe(550);
    expect(got).toHaveLength(0);
  });

  it('refuses a message over the size limit with 552 at SMTP level', async () => {
    const { got, send } = await listen({ maxBytes: 4096 });
    const r = await refusedWith(send('a@xinfang.example.gov.cn', '很长的信。'.repeat(2000)));
    expect(r.code).toBe(552);
    expect(got).toHaveLength(0);
    await send('a@xinfang.example.gov.cn'); // the next, small one still gets in
    expect(got).toHaveLength(1);
  });

  it('throttles a flood from one address with 421 once its window is used up', async () => {
    const { got, send } = await listen({ perAddress: { max: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) await send('a@xinfang.example.gov.cn');
    const r = await refusedWith(send('a@xinfang.example.gov.cn'));
    expect(r.code).toBe(421);
    expect(r.text).toMatch(/Too many messages/);
    expect(got).toHaveLength(3);
  });

  it('answers a refusal by the receiver with 550 and its English reason, and a failure with 451 so the relay retries', async () => {
    const refusing = await listen({
      deliver: async () => {
        throw new DomainError('demand_mail_empty', 400);
      },
    });
    const r = await refusedWith(refusing.send('a@xinfang.example.gov.cn'));
    expect(r.code).toBe(550);
    expect(r.text).toMatch(/no subject, text or attachment/);
    const failing = await listen({
      deliver: async () => {
        throw new Error('database is locked');
      },
    });
    const f = await refusedWith(failing.send('a@xinfang.example.gov.cn'));
    expect(f.code).toBe(451);
    expect(f.text).not.toMatch(/database/);
  });

  it('stops listening on close', async () => {
    const { listener } = await listen();
    await listeners.pop()!.close();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, ignoreTLS: true, connectionTimeout: 2000 });
    await expect(transport.verify()).rejects.toThrow();
  });

  it('counts an IPv6 client by its /64', () => {
    expect(throttleKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleKey('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(throttleKey('10.0.0.7')).toBe('10.0.0.7');
  });
});

describe('QINLIAN_MAIL_* settings', () => {
  it('is off unless a port is set, listens on the loopback by default, and needs the domain with the port', () => {
    expect(loadConfig({}).mailListen).toBeNull();
    expect(loadConfig({ QINLIAN_MAIL_LISTEN_PORT: '2525', QINLIAN_MAIL_DOMAIN: 'XinFang.Example.gov.cn' }).mailListen).toEqual({
      port: 2525,
      host: '127.0.0.1',
      domain: 'xinfang.example.gov.cn',
    });
    expect(() => loadConfig({ QINLIAN_MAIL_LISTEN_PORT: '2525' })).toThrow(
      /QINLIAN_MAIL_DOMAIN: required when QINLIAN_MAIL_LISTEN_PORT is set/,
    );
    expect(() => loadConfig({ QINLIAN_MAIL_LISTEN_PORT: '70000', QINLIAN_MAIL_DOMAIN: 'a.cn' })).toThrow(/QINLIAN_MAIL_LISTEN_PORT/);
    expect(() => loadConfig({ QINLIAN_MAIL_LISTEN_PORT: '25', QINLIAN_MAIL_DOMAIN: 'not a domain' })).toThrow(
      /QINLIAN_MAIL_DOMAIN: must be a domain name/,
    );
  });
});
