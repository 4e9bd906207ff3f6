import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { DemandMailImport } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { unseal } from '../../platform/crypto/sealed.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d5a1d30000000049454e44ae426082',
  'hex',
);
const URL = '/api/demands/import-eml';

/** A mail as a client saves it (.eml): composed by nodemailer, never sent. */
async function eml(message: Mail.Options): Promise<Buffer> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return (await composer.sendMail({ to: 'xinfang@example.gov.cn', ...message })).message as Buffer;
}

/** A multipart body of several files under the field `file`. */
function multipartFiles(files: { filename: string; data: Buffer }[]) {
  const boundary = `----qinlian${Math.random().toString(16).slice(2)}`;
  const chunks = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.filename}"\r\nContent-Type: message/rfc822\r\n\r\n`,
    ),
    f.data,
    Buffer.from('\r\n'),
  ]);
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(ENGINES)('POST /api/demands/import-eml on %s', (engine) => {
  let t: TestApp;
  let clerk: Session;
  beforeAll(async () => {
    t = await startTestApp(engine);
    clerk = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.dispatch'] })).session;
  });
  afterAll(() => t.close());

  const count = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('demands')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('files each mail as a demand of the e-mail channel and answers their ids and codes', async () => {
    const first = await eml({
      from: '"周敏" <zhoumin@example.com>',
      subject: '菜市场周边占道经营',
      text: '早上七点到九点，菜市场门口摊贩占满人行道。',
      attachments: [{ filename: '占道.png', content: PNG }],
    });
    const second = await eml({ from: 'wu@example.com', subject: '学校门口缺少斑马线', html: '<p>实验小学门口<b>没有斑马线</b>。</p>' });
    const res = await clerk.request({
      method: 'POST',
      url: URL,
      ...multipartFiles([
        { filename: '占道经营.eml', data: first },
        { filename: '斑马线.eml', data: second },
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { items } = res.json() as DemandMailImport;
    expect(items.map((i) => i.title)).toEqual(['菜市场周边占道经营', '学校门口缺少斑马线']);
    const rows = await t.db.db
      .selectFrom('demands')
      .selectAll()
      .where(
        'id',
        'in',
        items.map((i) => i.id),
      )
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.code, r.channel, r.kind])).toEqual(items.map((i) => [i.code, 'email', 'demand']));
    expect(unseal(t.config, rows[0]!.emailSealed!)).toBe('zhoumin@example.com');
    expect(rows[1]!.body).toBe('实验小学门口没有斑马线。');
    const files = await t.db.db.selectFrom('demandAttachments').selectAll().where('demandId', '=', items[0]!.id).orderBy('id').execute();
    expect(files.map((f) => [f.originalName, f.contentType])).toEqual([
      ['占道.png', 'image/png'],
      ['message.eml', 'text/plain'],
    ]);
    const audit = await t.db.db.selectFrom('auditEvents').select(['action', 'actorId']).where('entityId', '=', items[0]!.id).execute();
    expect(audit).toEqual([{ action: 'demand.receive', actorId: clerk.user.id }]); // filed by the clerk who imported it
  });

  it('refuses the lot, 400 naming the file, when one of them is not a mail', async () => {
    const before = await count();
    const good = await eml({ from: 'a@example.com', subject: '路灯不亮', text: '路灯坏了。' });
    const body = multipartFiles([
      { filename: 'good.eml', data: good },
      { filename: 'photo.eml', data: PNG },
    ]);
    const res = await clerk.request({
      method: 'POST',
      url: URL,
      payload: body.payload,
      headers: { ...body.headers, 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'demand_mail_not_mail',
      message: '“photo.eml” is not an e-mail message; import an .eml file saved from a mail client',
    });
    const note = await clerk.request({
      method: 'POST',
      url: URL,
      ...multipartFile({ filename: 'note.eml', contentType: 'message/rfc822', data: Buffer.from('这不是邮件，只是一段文字。\n') }),
    });
    expect(note.statusCode).toBe(400);
    expect(note.json().error.message).toBe('“note.eml”不是一封邮件：请导入邮件客户端另存的 .eml 文件');
    expect(await count()).toBe(before);
  });

  it('answers 413 for a file over 25 MB, and 400 with no file at all', async () => {
    const big = Buffer.concat([Buffer.from('From: a@example.com\r\nSubject: big\r\n\r\n'), Buffer.alloc(25 * 1024 * 1024 + 1, 'a')]);
    const res = await clerk.request({
      method: 'POST',
      url: URL,
      ...multipartFile({ filename: 'big.eml', contentType: 'message/rfc822', data: big }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('file_too_large');
    const none = await clerk.request({ method: 'POST', url: URL, ...multipartFiles([]) });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('invalid_file');
  });

  it('is for the office (demands.dispatch): 403 for a department handler, 401 without a session', async () => {
    const handler = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.handle'] })).session;
    const mail = await eml({ from: 'a@example.com', subject: '路灯不亮', text: '路灯坏了。' });
    const body = multipartFile({ filename: 'a.eml', contentType: 'message/rfc822', data: mail });
    expect((await handler.request({ method: 'POST', url: URL, ...body })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: URL, ...body })).statusCode).toBe(401);
  });
});
