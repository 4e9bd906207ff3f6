import type { EnquiryChannel, EnquiryReplyWay, EnquiryStatus, PublicEnquiry } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { formatTrackingCode, requireTrackingCode } from '../../platform/public/tracking-code.ts';
import { cachedDepartmentsBasics, peopleBasics, postIdsActedBy, postsWithHolders } from '../org/index.ts';
import { enquiriesRepo } from './enquiries.repo.ts';

/**
 * What the enquirer reads by the tracking code: where the enquiry stands, the reply and its dates,
 * and of staff only the name, post and unit of whoever answers for it — never anyone's contact,
 * nor the enquirer's own name (whoever holds the code may read the page).
 */
export async function publicEnquiry(ctx: Ctx, raw: string): Promise<PublicEnquiry> {
  const code = requireTrackingCode(raw, ctx.lang, 'params.code');
  const row = await enquiriesRepo.byCode(ctx.db, code);
  if (!row) throw notFound();
  const chain = (await enquiriesRepo.handoversOf(ctx.db, [row.id])).filter((h) => h.status === 'accepted');
  const [owner, postIds] = await Promise.all([
    peopleBasics(ctx.db, [row.ownerPersonId]).then((m) => m.get(row.ownerPersonId)),
    postIdsActedBy(ctx.db, row.ownerPersonId),
  ]);
  const post = postIds.length ? [...(await postsWithHolders(ctx.db, postIds.slice(0, 1))).values()][0] : undefined;
  const departments = await cachedDepartmentsBasics(ctx.db, [
    row.departmentId,
    row.registeredDepartmentId,
    ...chain.map((h) => h.acceptedDepartmentId),
  ]);
  const unit = (id: string | null) => (id ? (departments.get(id)?.name ?? '') : '');
  const steps: PublicEnquiry['steps'] = [
    { at: row.createdAt, kind: 'registered', departmentName: unit(row.registeredDepartmentId) },
    ...chain.map((h) => ({ at: h.decidedAt ?? h.createdAt, kind: 'transferred' as const, departmentName: unit(h.acceptedDepartmentId) })),
  ];
  if (row.repliedAt) steps.push({ at: row.repliedAt, kind: 'replied', departmentName: unit(row.departmentId) });
  if (row.closedAt) steps.push({ at: row.closedAt, kind: 'closed', departmentName: unit(row.departmentId) });
  return {
    code: formatTrackingCode(row.code),
    channel: row.channel as EnquiryChannel,
    subject: row.subject,
    // the enquirer sees an enquiry on its way to another desk as being handled
    status: (row.status === 'handing_over' ? 'open' : row.status) as EnquiryStatus,
    createdAt: row.createdAt,
    handledBy: { name: owner?.name ?? '', postName: post?.name ?? null, departmentName: unit(row.departmentId) },
    reply: row.reply,
    replyWay: row.replyWay as EnquiryReplyWay | null,
    repliedAt: row.repliedAt,
    closedAt: row.closedAt,
    steps,
  };
}
