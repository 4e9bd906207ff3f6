import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DemandMailImport } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { systemCtx } from '../../bootstrap.ts';
import type { InboundMailListener } from '../../platform/mail/inbound.ts';
import { listenForDemandMail, messageKey, receiveMailedDemand } from './demand-mail.ts';

const DOMAIN = 'xinfang.example.gov.cn';
const TO = `12345@${DOMAIN}`;

/** A mail as it travels: headers and text, with the Message-ID given (or none). */
const rawMail = (subject: string, messageId: string | null) =>
  Buffer.from(
    [
      'From: "李华" <lihua@example.com>',
      `To: ${TO}`,
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      ...(messageId ? [`Message-ID: <${messageId}>`] : []),
      'Date: Mon, 7 Dec 2026 09:00:00 +0800',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(`${subject}，请有关部门尽快处理。`).toString('base64'),
      '',
    ].join('\r\n'),
  );

/**
 * 邮件去重: the relay delivers a message again (it missed our 250), a clerk imports an .eml already
 * received — the same Message-ID files one demand, and the repeat is answered as accepted with that
 * demand, writing nothing. A mail without a Message-ID cannot be told apart and is filed each time.
 */
describe.each(ENGINES)('the same mail delivered twice (Message-ID) on %s', (engine) => {
  let t: TestApp;
  let listener: InboundMailListener;
  let transport: Transporter;
  let clerk: Session;
  let seq = 0;
  beforeAll(async () => {
    t = await startTestApp(engine, { mailListen: { host: '127.0.0.1', port: 0, domain: DOMAIN } });
    listener = (await listenForDemandMail({ config: t.config, db: t.db.db, clock: t.clock }))!;
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
    clerk = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.dispatch'] })).session;
  });
  afterAll(async () => {
    transport.close();
    await listener.close();
    await t.close();
  });

  const messageId = () => `${Date.now()}.${++seq}.${engine}@mail.example.com`;
  const titled = (title: string) => t.db.db.selectFrom('demands').select(['id', 'code']).where('title', '=', title).execute();
  const stored = async () => {
    const count = (table: 'demands' | 'demandAttachments' | 'auditEvents') =>
      t.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    return { demands: await count('demands'), attachments: await count('demandAttachments'), audit: await count('auditEvents') };
  };
  const send = (raw: Buffer) => transport.sendMail({ envelope: { from: 'lihua@example.com', to: [TO] }, raw });

  it('files a message the relay hands in twice as one demand, and answers the second 250 without writing', async () => {
    const raw = rawMail('幸福路井盖松动', messageId());
    await send(raw);
    const after = await stored();
    const again = await send(raw);
    expect(again.response).toMatch(/^250/);
    expect(await titled('幸福路井盖松动')).toHaveLength(1);
    expect(await stored()).toEqual(after);
  });

  it('files one demand when the same message arrives twice at once', async () => {
    const raw = rawMail('人民公园厕所无人打扫', messageId());
    const ctx = systemCtx(t.db, t.clock);
    const [a, b] = await Promise.all([receiveMailedDemand(ctx, t.config, raw), receiveMailedDemand(ctx, t.config, raw)]);
    expect(a.id).toBe(b.id);
    expect(await titled('人民公园厕所无人打扫')).toHaveLength(1);
  });

  it('answers an .eml imported again with the demand it already made, and files a mail without a Message-ID each time', async () => {
    const raw = rawMail('学校门口违规停车', messageId());
    await send(raw);
    const [filed] = await titled('学校门口违规停车');
    const before = await stored();
    const imported = await clerk.request({
      method: 'POST',
      url: '/api/demands/import-eml',
      ...multipartFile({ filename: 'again.eml', contentType: 'message/rfc822', data: raw }),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect((imported.json() as DemandMailImport).items.map((i) => i.id)).toEqual([filed!.id]);
    expect(await stored()).toEqual(before);

    const anonymous = rawMail('菜市场噪声扰民', null);
    const ctx = systemCtx(t.db, t.clock);
    await receiveMailedDemand(ctx, t.config, anonymous);
    await receiveMailedDemand(ctx, t.config, anonymous);
    expect(await titled('菜市场噪声扰民')).toHaveLength(2);
  });

  it('keys a Message-ID without its brackets, and a very long one by its digest', () => {
    expect(messageKey(' <abc@example.com> ')).toBe('abc@example.com');
    expect(messageKey('')).toBeNull();
    expect(messageKey(undefined)).toBeNull();
    expect(messageKey(`<${'x'.repeat(300)}@example.com>`)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
