import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { systemCtx } from '../../bootstrap.ts';
import { inTransaction } from '../../platform/context.ts';
import { unseal } from '../../platform/crypto/sealed.ts';
import { storedFilePath } from '../../platform/files/files.ts';
import type { InboundMailListener } from '../../platform/mail/inbound.ts';
import { runDueJobs } from '../../platform/jobs/runner.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { receiveDemand } from './demand-intake.service.ts';
import { demandReplyMailJob, listenForDemandMail, mailDemandReply } from './demand-mail.ts';

const DOMAIN = 'xinfang.example.gov.cn';
const TO = `12345@${DOMAIN}`;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d5a1d30000000049454e44ae426082',
  'hex',
);
/** A Windows program's first bytes (MZ … PE): what a "photo" from a virus looks like. */
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x40, 0, 0, 0]),
  Buffer.from('PE\0\0'),
  Buffer.alloc(2048, 0x90),
]);

describe.each(ENGINES)('mailed demands through the SMTP listener on %s', (engine) => {
  let t: TestApp;
  let listener: InboundMailListener;
  let transport: Transporter;
  beforeAll(async () => {
    t = await startTestApp(engine, { mailListen: { host: '127.0.0.1', port: 0, domain: DOMAIN } });
    listener = (await listenForDemandMail({ config: t.config, db: t.db.db, clock: t.clock }))!;
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    transport.close();
    await listener.close();
    await t.close();
  });

  const demandTitled = (title: string) => t.db.db.selectFrom('demands').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
  const attachmentsOf = (demandId: string) =>
    t.db.db.selectFrom('demandAttachments').selectAll().where('demandId', '=', demandId).orderBy('id').execute();
  const count = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('demands')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => ({ code: 250, text: '' }),
      (e: { responseCode?: number; response?: string }) => ({ code: e.responseCode, text: e.response ?? '' }),
    );

  it('files a plain-text mail as a demand of the e-mail channel, the sender sealed and the original kept', async () => {
    await transport.sendMail({
      from: '"王小明" <wangxm@example.com>',
      to: TO,
      subject: '  幸福小区东门路灯不亮  ',
      text: '幸福小区东门的路灯已经坏了一个月，晚上出行很不方便，请尽快修复。\r\n\r\n\r\n\r\n谢谢！',
    });
    const row = await demandTitled('幸福小区东门路灯不亮');
    expect(row).toMatchObject({ kind: 'demand', channel: 'email', status: 'received' });
    expect(row.body).toBe('幸福小区东门的路灯已经坏了一个月，晚上出行很不方便，请尽快修复。\n\n谢谢！');
    expect(unseal(t.config, row.emailSealed!)).toBe('wangxm@example.com');
    expect(unseal(t.config, row.submitterNameSealed!)).toBe('王小明');
    expect(JSON.stringify(row)).not.toMatch(/wangxm|王小明/); // nothing of the sender in clear in the table
    const files = await attachmentsOf(row.id);
    expect(files.map((f) => [f.originalName, f.contentType])).toEqual([['message.eml', 'text/plain']]);
    const kept = fs.readFileSync(storedFilePath(t.config.dataDir, 'demands', files[0]!.fileName));
    expect((await simpleParser(kept)).subject).toBe('  幸福小区东门路灯不亮  '); // the original as it came, untrimmed
  });

  it('turns an HTML-only mail into text, and names a mail without subject 无主题', async () => {
    await transport.sendMail({
      from: 'resident@example.com',
      to: TO,
      subject: '',
      html: '<html><body><p>3 号楼楼道<b>声控灯</b>全部不亮。</p><script>alert(1)</script><p>请物业处理。</p></body></html>',
    });
    const row = await demandTitled('(无主题)');
    expect(row.body).toContain('3 号楼楼道声控灯全部不亮。');
    expect(row.body).toContain('请物业处理。');
    expect(row.body).not.toMatch(/<p>|<b>|alert/);
    expect(row.submitterNameSealed).toBeNull();
  });

  it('reads a subject, sender and body in GBK', async () => {
    const raw = [
      'From: =?GBK?B?wO7LxA==?= <lisi@example.com>',
      `To: ${TO}`,
      'Subject: =?GBK?B?uaS12NK5vOTKqbmk1OvS9MjFw/E=?=',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=GBK',
      'Content-Transfer-Encoding: base64',
      '',
      'w7/M7M3tyc/KrtK7tePS1Lrzu7nU2rTy166jrNHP1tjTsM/s0N3PoqGj',
      '',
    ].join('\r\n');
    await transport.sendMail({ envelope: { from: 'lisi@example.com', to: [TO] }, raw });
    const row = await demandTitled('工地夜间施工噪音扰民');
    expect(row.body).toBe('每天晚上十一点以后还在打桩，严重影响休息。');
    expect(unseal(t.config, row.submitterNameSealed!)).toBe('李四');
  });

  it('keeps a photo typed by its bytes beside the original', async () => {
    await transport.sendMail({
      from: 'zhao@example.com',
      to: TO,
      subject: '人行道井盖缺失',
      text: '文化路与建设路路口的井盖丢了，见照片。',
      attachments: [{ filename: '现场.png', content: PNG, contentType: 'application/octet-stream' }],
    });
    const row = await demandTitled('人行道井盖缺失');
    const files = await attachmentsOf(row.id);
    expect(files.map((f) => [f.originalName, f.contentType, f.bytes])).toEqual([
      ['现场.png', 'image/png', PNG.length],
      ['message.eml', 'text/plain', expect.any(Number)],
    ]);
    expect(fs.readFileSync(storedFilePath(t.config.dataDir, 'demands', files[0]!.fileName)).equals(PNG)).toBe(true);
  });

  it('keeps the mail when an attachment is a program renamed .jpg, and says what was left out', async () => {
    await transport.sendMail({
      from: 'qian@example.com',
      to: TO,
      subject: '垃圾清运不及时',
      text: '小区垃圾三天没有清运。',
      attachments: [
        { filename: 'photo.jpg', content: EXE },
        { filename: '垃圾.png', content: PNG },
      ],
    });
    const row = await demandTitled('垃圾清运不及时');
    expect(row.body).toMatch(
      /^小区垃圾三天没有清运。\n\n【以下附件未能保留：photo\.jpg（内容为 application\/x-msdownload，与声明的 image\/jpeg 不符）】$/,
    );
    const files = await attachmentsOf(row.id);
    expect(files.map((f) => f.originalName)).toEqual(['垃圾.png', 'message.eml']);
    expect(files.map((f) => f.contentType)).not.toContain('application/x-msdownload');
  });

  it('cuts a long text to 2,000 characters, pointing to the full mail', async () => {
    await transport.sendMail({ from: 'sun@example.com', to: TO, subject: '关于公交线路的建议', text: '建议增加夜班公交。'.repeat(400) });
    const row = await demandTitled('关于公交线路的建议');
    expect(row.body.length).toBeLessThanOrEqual(2000);
    expect(row.body).toMatch(/^建议增加夜班公交。/);
    expect(row.body).toMatch(/完整邮件见附件 message\.eml】$/);
  });

  it('refuses an empty mail with 550 and a message over 25 MB with 552, storing nothing', async () => {
    const before = await count();
    const empty = await refusal(transport.sendMail({ from: 'zhou@example.com', to: TO, subject: '', text: '' }));
    expect(empty.code).toBe(550);
    expect(empty.text).toMatch(/no subject, text or attachment/);
    const line = `${'a'.repeat(998)}\r\n`;
    const big = ['From: wu@example.com', `To: ${TO}`, 'Subject: big', '', line.repeat(Math.ceil((26 * 1024 * 1024) / line.length))].join(
      '\r\n',
    );
    const tooBig = await refusal(transport.sendMail({ envelope: { from: 'wu@example.com', to: [TO] }, raw: big }));
    expect(tooBig.code).toBe(552);
    expect(await count()).toBe(before);
  }, 60_000);
});

describe.each(ENGINES)('replies by e-mail on %s', (engine) => {
  let t: TestApp;
  let relay: SMTPServer;
  const received: { rcpt: string[]; mail: ParsedMail }[] = [];
  beforeAll(async () => {
    relay = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, session, cb) {
        simpleParser(stream).then((mail) => {
          received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), mail });
          cb();
        }, cb);
      },
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const port = (relay.server.address() as AddressInfo).port;
    t = await startTestApp(engine, {
      smtp: { url: `smtp://127.0.0.1:${port}`, from: '勤廉办 <noreply@qinlian.test>' },
      publicUrl: 'https://qinlian.example.gov.cn',
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((r) => relay.close(() => r()));
  });

  const file = (email: string | null) =>
    receiveDemand(systemCtx(t.db, t.clock), t.config, {
      kind: 'demand',
      channel: 'email',
      title: '路面坑洼',
      body: '解放路有一处大坑。',
      email,
    });
  const runJobs = () =>
    runDueJobs({ db: t.db.db, engine, clock: t.clock, config: t.config, jobs: [demandReplyMailJob] }, { instanceId: 'test' });
  const queued = async () =>
    (await t.db.db.selectFrom('jobs').select('payload').where('kind', '=', demandReplyMailJob.kind).execute()).map((j) => j.payload);

  it('sends the submitter a polite reply with the tracking code and the tracking page, once', async () => {
    const demand = await file('citizen@example.com');
    const reply = '经核查，该路段已列入本周维修计划，预计周五前修复完毕。';
    const ctx = systemCtx(t.db, t.clock);
    expect(await inTransaction(ctx, (tx) => mailDemandReply(tx, t.config, demand, reply))).toBe(true);
    expect(await inTransaction(ctx, (tx) => mailDemandReply(tx, t.config, demand, reply))).toBe(false); // asked twice, sent once
    expect((await queued()).join()).not.toContain('citizen@example.com'); // the queue holds no address in clear
    expect(await runJobs()).toMatchObject({ done: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const { rcpt, mail } = received[0]!;
    expect(rcpt).toEqual(['citizen@example.com']);
    expect(mail.from?.value[0]).toEqual({ address: 'noreply@qinlian.test', name: '勤廉办' });
    expect(mail.subject).toBe(`关于您反映的“路面坑洼”的答复（查询码 ${formatTrackingCode(demand.code)}）`);
    expect(mail.text).toContain(reply);
    expect(mail.text).toContain(`查询码：${formatTrackingCode(demand.code)}`);
    expect(mail.text).toContain(`https://qinlian.example.gov.cn/p/d/${demand.code}`);
    expect(mail.text).toMatch(/^您好！/);
  });

  it('queues nothing when the item has no e-mail address or no mail server is configured', async () => {
    const before = (await queued()).length;
    const ctx = systemCtx(t.db, t.clock);
    expect(await mailDemandReply(ctx, t.config, await file(null), '已处理。')).toBe(false);
    expect(await mailDemandReply(ctx, { ...t.config, smtp: null }, await file('someone@example.com'), '已处理。')).toBe(false);
    expect((await queued()).length).toBe(before);
  });
});
