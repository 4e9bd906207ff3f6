import { RATING_LEVELS, type DeskItem, type DeskSection, type RatingScore, type Timer } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { peopleBasics } from '../org/index.ts';
import type { DeskRequest, DeskSectionProvider } from '../tasks/index.ts';
import { timersOf } from '../time-limits/index.ts';
import { ratingsRepo } from './ratings.repo.ts';
import { visibilityOf } from './ratings.service.ts';

/**
 * The desk's section about 好差评 (工作台待办): bad reviews whose department appealed, waiting for the
 * office's review (复核) — exactly the list `/ratings?appealState=appealed` within my data scope.
 * An appeal is due when its bad review is: the department's time limit to handle it (限时办结,
 * kind `bad_review`, the timer of its 整改 item) runs while the appeal waits, so the review should
 * come first. Appeals waiting at any time are few: the section reads them all with their timers,
 * and the names and reasons of the five it shows.
 */
const DESK_ITEMS = 5;
const LINK = '/ratings?appealState=appealed';

type Waiting = { id: string; rectificationId: string | null; createdAt: string };

/** the bad review's deadline while its timer runs (a verified or withdrawn item no longer presses) */
const runningDue = (timers: Map<string, Timer>, w: Waiting) => {
  const t = w.rectificationId ? timers.get(w.rectificationId) : undefined;
  return t && t.doneAt === null ? t : null;
};

/** 张三（非常不满意）：申诉理由… — who was rated, how, and the department's reason, in the reader's language. */
function titleOf(ctx: Ctx, name: string, level: string, reason: string) {
  const short = reason.length > 40 ? `${reason.slice(0, 40)}…` : reason;
  return ctx.lang === 'en-US' ? `${name} (${level})${short ? `: ${short}` : ''}` : `${name}（${level}）${short ? `：${short}` : ''}`;
}

async function appealsSection(ctx: Ctx, req: DeskRequest): Promise<DeskSection> {
  const waiting = await ratingsRepo.appealsAwaitingReview(ctx.db, visibilityOf(ctx));
  const timers = await timersOf(
    ctx.db,
    'bad_review',
    waiting.flatMap((w) => (w.rectificationId ? [w.rectificationId] : [])),
    req.today,
  );
  const key = (w: Waiting) => `${runningDue(timers, w)?.dueOn ?? '9999-12-31'} ${w.createdAt} ${w.id}`;
  const first = [...waiting].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).slice(0, DESK_ITEMS);
  const ids = first.map((w) => w.id);
  const [rows, appeals] = await Promise.all([ratingsRepo.byIds(ctx.db, ids), ratingsRepo.appealsOf(ctx.db, ids)]);
  const people = await peopleBasics(
    ctx.db,
    rows.map((r) => r.personId),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = first.flatMap((w): DeskItem[] => {
    const r = byId.get(w.id);
    if (!r) return [];
    const due = runningDue(timers, w);
    const level = RATING_LEVELS[r.score as RatingScore]?.[ctx.lang] ?? String(r.score);
    const title = titleOf(ctx, people.get(r.personId)?.name ?? '', level, appeals.get(r.id)?.reason ?? '');
    return [
      {
        kind: 'rating',
        id: r.id,
        code: null,
        title,
        dueDate: due?.dueOn ?? null,
        overdue: due?.overdue ?? false,
        warning: null,
        link: `${LINK}&id=${r.id}`,
      },
    ];
  });
  const overdue = waiting.filter((w) => runningDue(timers, w)?.overdue).length;
  return { key: 'ratingAppeals', count: waiting.length, overdue, items, link: LINK };
}

export const RATING_DESK_SECTIONS: DeskSectionProvider[] = [
  {
    // 待复核的申诉: the office (ratings.review) decides whether a bad review stands
    key: 'ratingAppeals',
    applies: (a) => a.permissions.has('ratings.read') && a.permissions.has('ratings.review'),
    build: appealsSection,
  },
];
