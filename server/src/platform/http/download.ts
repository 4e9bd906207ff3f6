import type { FastifyReply } from 'fastify';
import { shanghaiDate } from '../calendar/working-days.ts';

/** What a download route sends: the XLSX and DOCX media types, and a file name people see in their own script. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** attachment; filename="tasks.xlsx"; filename*=UTF-8''任务.xlsx — an ASCII fallback plus the real name (RFC 6266). */
export const attachment = (utf8Name: string, asciiName: string) =>
  `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;

/**
 * The day a file name carries (人员名单-2026-12-08.xlsx): the date in Asia/Shanghai, where the people
 * who download it live — not UTC, which still shows yesterday until 08:00 there.
 */
export const exportDay = (now: Date) => shanghaiDate(now);

/**
 * 在线预览: a file served inline (images and PDF only, content-type.ts) may be framed by the console
 * itself, so the task page can show a PDF in its preview dialog. Every other answer keeps
 * `frame-ancestors 'none'` and X-Frame-Options DENY; other sites still may not frame anything.
 */
export function allowSameOriginFraming(reply: FastifyReply) {
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
  reply.header('x-frame-options', 'SAMEORIGIN');
}
