import type { PublicBadge } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { ratingPageCode, ratingSummaries } from '../ratings/index.ts';
import { currentWhereabouts } from '../whereabouts/index.ts';
import { presentPublicBadge } from './badges.presenter.ts';
import { liveBadge } from './badges.service.ts';

/**
 * The public badge (亮牌) as a visitor sees it — one lookup shared by the API answer and the
 * server-rendered page (badges.page.routes.ts), so both follow the same rules: unknown, replaced and
 * withdrawn codes are the same 404.
 */
export async function publicBadgeView(ctx: Ctx, rawCode: string): Promise<PublicBadge> {
  const { holder, badge } = await liveBadge(ctx, rawCode);
  const pageCode = await ratingPageCode(ctx, holder.departmentId); // issued on first ask: a write, so before the reads
  const [departments, whereabouts, ratings] = await Promise.all([
    cachedDepartmentsBasics(ctx.db, [holder.departmentId]),
    currentWhereabouts(ctx.db, [holder.id]),
    ratingSummaries(ctx.db, [holder.id], shanghaiDate(ctx.clock.now())),
  ]);
  return presentPublicBadge(holder, badge, {
    departmentName: departments.get(holder.departmentId)?.name ?? '',
    whereabouts: whereabouts.get(holder.id),
    rating: ratings.get(holder.id)!,
    ratingPageCode: pageCode,
  });
}
