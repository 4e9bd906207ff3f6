import fs from 'node:fs';
import type { z } from 'zod';
import type { BadgePrintQuery } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { cachedDepartmentsBasics, personPhotoFile } from '../org/index.ts';
import { badgePolicy } from './badges.policy.ts';
import { leadPost, publicBadgePath, shownDuties } from './badges.presenter.ts';
import { qrPng, renderCardPdf } from './badges.print.ts';
import { personBadge } from './badges.service.ts';

export type Printout = { body: Buffer; type: 'application/pdf' | 'image/png'; fileName: string; asciiName: string };

/**
 * A person's printable badge or desk card, or its QR code alone (PNG). The QR code leads to
 * `<public origin>/p/b/<code>`: the origin is QINLIAN_PUBLIC_URL when set (behind a proxy the server
 * cannot know the address people use), else the request's own. A withdrawn badge is not printed (409):
 * reissue it first.
 */
export async function badgePrintout(
  ctx: Ctx,
  personId: string,
  q: z.output<typeof BadgePrintQuery>,
  where: { origin: string; dataDir: string },
): Promise<Printout> {
  const { holder, badge } = await personBadge(ctx, personId);
  badgePolicy.assert(ctx.actor!, 'print', { personId: holder.id, departmentId: holder.departmentId });
  if (holder.status === 'left' || !badge) throw new DomainError('badge_person_left', 409, { name: holder.name });
  if (badge.revokedAt) throw new DomainError('badge_revoked', 409);
  const url = `${where.origin}${publicBadgePath(badge.code)}`;
  const kind = q.layout === 'badge' ? '工作牌' : '桌牌';
  const asciiKind = q.layout === 'badge' ? 'badge' : 'desk-card';
  if (q.format === 'png') {
    return {
      body: await qrPng(url, 12),
      type: 'image/png',
      fileName: `${kind}二维码-${holder.name}.png`,
      asciiName: `${asciiKind}-qr.png`,
    };
  }
  const post = leadPost(holder);
  const photoFile = holder.hasPhoto ? await personPhotoFile(ctx.db, holder.id, where.dataDir) : null;
  const photo = photoFile && photoFile.mime !== 'image/webp' ? await fs.promises.readFile(photoFile.file).catch(() => null) : null;
  const body = await renderCardPdf(
    {
      name: holder.name,
      title: holder.title,
      departmentName: (await cachedDepartmentsBasics(ctx.db, [holder.departmentId])).get(holder.departmentId)?.name ?? '',
      postName: post?.name ?? null,
      role: post?.role ?? null,
      duties: shownDuties(holder, badge),
      backupName: post?.backupName ?? null,
      displayCode: formatTrackingCode(badge.code),
      url,
      photo,
    },
    q.layout,
  );
  return { body, type: 'application/pdf', fileName: `${kind}-${holder.name}.pdf`, asciiName: `${asciiKind}.pdf` };
}
