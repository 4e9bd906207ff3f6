/** What a download route sends: the XLSX media type, and a file name people see in their own script. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** attachment; filename="tasks.xlsx"; filename*=UTF-8''任务.xlsx — an ASCII fallback plus the real name (RFC 6266). */
export const attachment = (utf8Name: string, asciiName: string) =>
  `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
