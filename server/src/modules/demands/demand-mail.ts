import crypto from 'node:crypto';
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { errorMessage, type Lang } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { assertEvidenceType, contentTypeOf } from '../../platform/files/content-type.ts';
import { startInboundMail, type InboundMailListener } from '../../platform/mail/inbound.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX, receiveDemand, type DemandUpload, type IntakeKeys } from './demand-intake.service.ts';
import type { DemandSubmission } from './demand-intake.service.ts';
import { demandMailRepo } from './demand-mail.repo.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';

export { mailDemandReply, demandReplyMailJob } from './demand-mail-reply.ts';

/**
 * 邮件渠道: a mail — from the server's own SMTP listener or an .eml file a clerk imports — becomes
 * one demand through the same door as every channel (receiveDemand). Its subject is the title, its
 * text (HTML turned into text when there is no text part) the body, its sender the contact; its
 * attachments are kept when their bytes are acceptable, and the original is kept as message.eml.
 * A file that cannot be kept never loses the mail: the body says what was left out and why.
 */

export const MAIL_TITLE_MAX = 100;
export const MAIL_BODY_MAX = 2000;
const NO_SUBJECT = '(无主题)';
const ORIGINAL_NAME = 'message.eml';
/** HTML beyond this is not parsed into text (the parser's CPU), only stripped of its tags. */
const HTML_TO_TEXT_MAX = 2 * 1024 * 1024;
const ASCII_HEADER_LINE = /^[!-9;-~]+:/;
const MAIL_HEADERS = ['from', 'to', 'subject', 'date', 'message-id', 'received'];

/** What a mail hands in: the submission, the files that may be kept, and its Message-ID (null when it has none). */
export type MailedDemand = { submission: DemandSubmission; files: DemandUpload[]; messageId: string | null };

/** Longer ids are kept as their digest: the column stays small and the id is still one key. */
const MESSAGE_ID_MAX = 250;

/** The Message-ID as one key: without its angle brackets and spaces; a long one by its SHA-256. */
export function messageKey(raw: string | undefined): string | null {
  const id = (raw ?? '').trim().replace(/^<|>$/g, '').trim();
  if (!id) return null;
  return id.length <= MESSAGE_ID_MAX ? id : `sha256:${crypto.createHash('sha256').update(id).digest('hex')}`;
}

/** Cut to `max` UTF-16 units without leaving half a surrogate pair behind. */
const cut = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max).replace(/[\uD800-\uDBFF]$/, ''));
const tidyText = (s: string) =>
  s
    .replace(/\u0000/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
const tidyLine = (s: string) =>
  s
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A mail starts with header fields (an mbox "From " line aside) and names at least one of the
 * headers every mail has; a photo, a document or a note called .eml does not.
 */
function looksLikeMail(raw: Buffer, parsed: ParsedMail): boolean {
  const lines = raw.subarray(0, 4096).toString('latin1').split(/\r?\n/);
  const first = lines[0]?.startsWith('From ') ? lines[1] : lines[0];
  return !!first && ASCII_HEADER_LINE.test(first) && MAIL_HEADERS.some((h) => parsed.headers.has(h));
}

/** Why a file was not kept, in a few words for the body's note (zh-CN, as the record is). */
function refusedBecause(e: DomainError): string {
  const { actual, declared } = e.params;
  if (e.code === 'file_type_not_allowed') return `不接受此类文件：${actual}`;
  if (e.code === 'file_type_mismatch') return `内容为 ${actual}，与声明的 ${declared} 不符`;
  if (e.code === 'file_markup_refused') return '网页类文件不予保留';
  return errorMessage(e.code, 'zh-CN', e.params);
}

/** The file as receiveDemand will take it, or why it will not (judged by its bytes, as there). */
async function screen(file: DemandUpload, lang: Lang): Promise<string | null> {
  if (file.bytes.length > ATTACHMENT_MAX_BYTES) return `超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`;
  if (file.bytes.length === 0) return '空文件';
  try {
    assertEvidenceType(await contentTypeOf(file.bytes, file.declaredType, lang), file.bytes, lang);
    return null;
  } catch (e) {
    if (e instanceof DomainError) return refusedBecause(e);
    throw e;
  }
}

const uploadOf = (a: Attachment, i: number): DemandUpload => ({
  originalName: tidyLine(a.filename ?? '') || `附件${i + 1}`,
  declaredType: a.contentType ?? '',
  bytes: a.content,
});

/** The original first (it is the record), then the attachments while there is room; the rest noted. */
async function keptFiles(raw: Buffer, attachments: Attachment[], lang: Lang) {
  const refused: string[] = [];
  const original: DemandUpload = { originalName: ORIGINAL_NAME, declaredType: 'message/rfc822', bytes: raw };
  const originalRefused = await screen(original, lang);
  if (originalRefused) refused.push(`${ORIGINAL_NAME}（原邮件${originalRefused}）`);
  const kept: DemandUpload[] = [];
  const room = ATTACHMENTS_MAX - (originalRefused ? 0 : 1);
  for (const [i, a] of attachments.entries()) {
    const file = uploadOf(a, i);
    const why = kept.length >= room ? `每件最多保留 ${ATTACHMENTS_MAX} 个文件` : await screen(file, lang);
    if (why) refused.push(`${file.originalName}（${why}）`);
    else kept.push(file);
  }
  return { files: originalRefused ? kept : [...kept, original], refused, originalKept: !originalRefused, attachmentsKept: kept.length };
}

/** The text of the mail: its text part, else its HTML as text (tags stripped when too long to parse). */
function mailText(parsed: ParsedMail): string {
  const text = tidyText(parsed.text ?? '');
  if (text || typeof parsed.html !== 'string') return text;
  return tidyText(
    parsed.html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' '),
  );
}

/** The body within 2,000 characters: the text (cut, saying so) and the notes on what was not kept. */
function bodyOf(text: string, title: string, notes: string[], originalKept: boolean, hasFiles: boolean): string {
  const tail = notes.map((n) => `\n\n【${n}】`).join('');
  let main = text || (title === NO_SUBJECT ? '' : title) || (hasFiles ? '（邮件正文为空，请见附件）' : '');
  const room = MAIL_BODY_MAX - tail.length;
  if (main.length > room) {
    const more = originalKept
      ? `\n\n【邮件正文较长，此处只收录前一部分；完整邮件见附件 ${ORIGINAL_NAME}】`
      : '\n\n【邮件正文较长，此处只收录前一部分】';
    main = `${cut(main, Math.max(0, room - more.length - 1))}…${more}`;
  }
  return cut(`${main}${tail}`, MAIL_BODY_MAX);
}

/**
 * Read one mail into a submission: 400 demand_mail_not_mail when the bytes are not a mail (named
 * by `name`), 400 demand_mail_empty when nothing of it could be filed. Writes nothing.
 */
export async function demandFromMail(raw: Buffer, lang: Lang, name = ORIGINAL_NAME): Promise<MailedDemand> {
  const notMail = () =>
    new DomainError('demand_mail_not_mail', 400, { name }, [
      { path: 'body.file', message: errorMessage('demand_mail_not_mail', lang, { name }) },
    ]);
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, {
      skipTextToHtml: true,
      skipImageLinks: true,
      keepCidLinks: true,
      maxHtmlLengthToParse: HTML_TO_TEXT_MAX,
    });
  } catch {
    throw notMail();
  }
  if (!looksLikeMail(raw, parsed)) throw notMail();
  const { files, refused, originalKept, attachmentsKept } = await keptFiles(raw, parsed.attachments, lang);
  const title = cut(tidyLine(parsed.subject ?? ''), MAIL_TITLE_MAX) || NO_SUBJECT;
  const text = mailText(parsed);
  if (title === NO_SUBJECT && !text && attachmentsKept === 0) throw new DomainError('demand_mail_empty', 400);
  const notes = refused.length ? [`以下附件未能保留：${refused.join('；')}`] : [];
  const sender = parsed.from?.value[0];
  const email = sender?.address && sender.address.length <= 200 && sender.address.includes('@') ? sender.address : null;
  return {
    submission: {
      kind: 'demand',
      channel: 'email',
      title,
      body: bodyOf(text, title, notes, originalKept, attachmentsKept > 0),
      email,
      name: cut(tidyLine(sender?.name ?? ''), 50) || null,
    },
    files,
    messageId: messageKey(parsed.messageId),
  };
}

/**
 * One mail filed once: its Message-ID is claimed in the transaction that files it, and a mail whose
 * id is already claimed (a relay delivering again, an .eml imported twice) answers the item it
 * made, writing nothing. A mail without an id is filed each time it comes.
 */
async function fileOnce(ctx: Ctx, keys: IntakeKeys, { submission, files, messageId }: MailedDemand): Promise<DemandRow> {
  if (!messageId) return receiveDemand(ctx, keys, submission, files);
  const filed = await inTransaction(ctx, async (tx) => {
    if (!(await demandMailRepo.claim(tx.db, messageId, iso(tx.clock.now())))) return null;
    const row = await receiveDemand(tx, keys, submission, files);
    await demandMailRepo.fileAs(tx.db, messageId, row.id);
    return row;
  });
  if (filed) return filed;
  const earlier = await demandMailRepo.demandIdOf(ctx.db, messageId);
  const row = earlier ? await demandsRepo.byId(ctx.db, earlier) : undefined;
  if (!row) throw new Error(`mail ${messageId} is claimed but names no demand`);
  return row;
}

/** One mail in, one demand filed (the listener's step); the same mail again answers that demand. */
export async function receiveMailedDemand(ctx: Ctx, keys: IntakeKeys, raw: Buffer, name?: string): Promise<DemandRow> {
  return fileOnce(ctx, keys, await demandFromMail(raw, ctx.lang, name));
}

/**
 * 导入邮件: a clerk's .eml files, every one read before anything is written (one that is not a mail
 * refuses the lot, 400), then filed in one transaction — all of them or none.
 */
export async function importMailedDemands(ctx: Ctx, keys: IntakeKeys, mails: { name: string; bytes: Buffer }[]): Promise<DemandRow[]> {
  const read: MailedDemand[] = [];
  for (const m of mails) read.push(await demandFromMail(m.bytes, ctx.lang, m.name));
  return inTransaction(ctx, async (tx) => {
    const rows: DemandRow[] = [];
    for (const mail of read) rows.push(await fileOnce(tx, keys, mail));
    return rows;
  });
}

export type DemandMailDeps = {
  config: Config;
  db: Db;
  clock: Clock;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
};

/**
 * Start the SMTP listener when QINLIAN_MAIL_LISTEN_PORT is set (null otherwise): every mail it
 * takes is filed by the public (no actor); the 250 goes out once the demand is committed.
 */
export async function listenForDemandMail(deps: DemandMailDeps): Promise<InboundMailListener | null> {
  const listen = deps.config.mailListen;
  if (!listen) return null;
  return startInboundMail({
    ...listen,
    log: deps.log,
    deliver: async (raw, envelope) => {
      const ctx: Ctx = { actor: null, db: deps.db, ip: envelope.remoteAddress, lang: 'zh-CN', clock: deps.clock };
      await receiveMailedDemand(ctx, deps.config, raw);
    },
  });
}
