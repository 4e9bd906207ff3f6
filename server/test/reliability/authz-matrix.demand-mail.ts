import type { Expect, Row } from './authz-matrix.ts';
import type { RoleName } from './world.ts';
import { multipartFile } from '../multipart.ts';

/**
 * The matrix rows of the e-mail channel of 群众诉求 (issue 14), spread into MATRIX (authz-matrix.ts).
 * Columns as there: anonymous, admin, office, deptHead, staff, token. Importing .eml files is the
 * office's (demands.dispatch); the file sent is not a mail, so an allowed caller gets 400 and
 * nothing is filed.
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;

export const DEMAND_MAIL_ROWS: Record<string, Row> = {
  'POST /api/demands/import-eml': {
    request: async () => ({
      method: 'POST',
      url: '/api/demands/import-eml',
      ...multipartFile({ filename: 'note.eml', contentType: 'message/rfc822', data: Buffer.from('不是邮件\n') }),
    }),
    in: E(401, 400, 400, 403, 403, 403),
  },
};
