import type { DeskItem, DeskSection, Timer } from '@qinlian/contracts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import type { DeskRequest, DeskSectionProvider } from '../tasks/index.ts';
import { timersOf } from '../time-limits/index.ts';
import { enquiriesRepo, type EnquiryFilter, type Receiving } from './enquiries.repo.ts';
import { reachOf } from './enquiries.service.ts';

/**
 * The desk's sections about 首问负责 (工作台待办): hand-overs waiting for me to accept, and the
 * enquiries I answer for that are not yet closed — each exactly what its box of the enquiry list
 * shows (`/enquiries?box=…`), soonest deadline first. The deadlines are the time-limits timers
 * (限时办结, kind `enquiry`), which live in their own module: the section reads the ids of its
 * enquiries (a person's open ones and hand-overs are a handful), their timers in one query, and
 * the few it shows.
 */
const DESK_ITEMS = 5;

const handles = (a: Actor) => a.permissions.has('enquiries.handle') && a.personId !== null;

const byDeadline = (timers: Map<string, Timer>) => (x: string, y: string) => {
  const a = timers.get(x)?.dueOn ?? '9999-12-31';
  const b = timers.get(y)?.dueOn ?? '9999-12-31';
  return a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0;
};

function section(key: string, box: string, boxQuery: string, filterOf: (actor: Actor, receiving: Receiving | null) => EnquiryFilter) {
  const link = `/enquiries?box=${box}${boxQuery}`;
  return async (ctx: Ctx, req: DeskRequest): Promise<DeskSection> => {
    const actor = ctx.actor!;
    const { v, receiving } = await reachOf(ctx.db, actor);
    const ids = await enquiriesRepo.idsOf(ctx.db, v, filterOf(actor, receiving));
    const timers = await timersOf(ctx.db, 'enquiry', ids, req.today);
    const first = [...ids].sort(byDeadline(timers)).slice(0, DESK_ITEMS);
    const rows = new Map((await enquiriesRepo.byIds(ctx.db, first)).map((r) => [r.id, r]));
    const items = first.flatMap((id): DeskItem[] => {
      const r = rows.get(id);
      if (!r) return [];
      const timer = timers.get(id);
      return [
        {
          kind: 'enquiry',
          id,
          code: formatTrackingCode(r.code),
          title: r.subject,
          dueDate: timer?.dueOn ?? null,
          overdue: timer?.overdue ?? false,
          warning: null,
          link: `${link}&open=${id}`,
        },
      ];
    });
    const overdue = ids.filter((id) => timers.get(id)?.overdue).length;
    return { key, count: ids.length, overdue, items, link };
  };
}

/** The desk's sections about enquiries (首问负责), for whoever is on the enquiry desk (enquiries.handle) as a person. */
export const ENQUIRY_DESK_SECTIONS: DeskSectionProvider[] = [
  {
    // 待接收的移交: handed to me, to a post I act for (AB岗), or to my department
    key: 'enquiryAccept',
    applies: handles,
    build: section('enquiryAccept', 'awaiting', '', (_a, receiving) => ({ awaiting: receiving })),
  },
  {
    // 我负责的咨询: mine (or held for me while I was away), not yet closed
    key: 'enquiryMine',
    applies: handles,
    build: section('enquiryMine', 'mine', '&active=true', (a) => ({ ownerOrHeldFor: a.personId!, active: true })),
  },
];
