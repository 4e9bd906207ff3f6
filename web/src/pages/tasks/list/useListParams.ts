import { useSearchParams } from 'react-router';
import type { TaskQuery } from '@qinlian/contracts';
import type { TaskFilter } from '../hooks.ts';

/** 我的任务 / 本部门 / 已逾期 / 全部 / 按领导 / 按工程 */
export type ListTab = 'mine' | 'dept' | 'overdue' | 'all' | 'leader' | 'programme';
export const TABS: ListTab[] = ['mine', 'dept', 'overdue', 'all', 'leader', 'programme'];
const VIEW: Record<ListTab, NonNullable<TaskQuery['view']>> = {
  mine: 'mine',
  dept: 'my_department',
  overdue: 'overdue',
  all: 'all',
  leader: 'all',
  programme: 'all',
};

/** Reddest first, then by deadline: what needs attention comes first. */
export const DEFAULT_SORT = 'warning';

export const FILTER_KEYS = [
  'programmeId',
  'measureId',
  'departmentId',
  'leaderPersonId',
  'status',
  'warning',
  'tagged',
  'q',
  'sort',
  'desk', // the list behind a desk section (工作台待办): /tasks?tab=all&desk=accept
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ListPatch = Partial<Record<FilterKey | 'tab' | 'page' | 'pageSize', string | number | undefined | null>>;

/** The task list's tab, filters and page live in the URL, so a view can be linked and comes back on reload. */
export function useListParams(defaultTab: ListTab, planId: string | undefined) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab') as ListTab | null;
  const tab: ListTab = raw && TABS.includes(raw) ? raw : defaultTab;
  const value = (k: FilterKey) => params.get(k) || undefined;
  const filter: TaskFilter = {
    view: VIEW[tab],
    planId,
    programmeId: value('programmeId'),
    measureId: value('measureId'),
    departmentId: value('departmentId'),
    leaderPersonId: value('leaderPersonId'),
    status: value('status') as TaskFilter['status'],
    warning: value('warning') as TaskFilter['warning'],
    tagged: value('tagged') as TaskFilter['tagged'],
    q: value('q'),
    desk: value('desk') as TaskFilter['desk'],
    sort: (value('sort') as TaskFilter['sort']) ?? DEFAULT_SORT,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20)),
  };

  /** Changes some keys; any change but paging goes back to page 1. */
  const patch = (next: ListPatch) =>
    setParams(
      () => {
        // the live URL, not the last render's params: a quick second change must not undo the first
        const p = new URLSearchParams(window.location.search);
        for (const [k, v] of Object.entries(next)) {
          if (v === undefined || v === null || v === '') p.delete(k);
          else p.set(k, String(v));
        }
        if (!('page' in next)) p.delete('page');
        return p;
      },
      { replace: true },
    );

  const reset = () => setParams(new URLSearchParams(tab === defaultTab ? {} : { tab }), { replace: true });
  const filtered = FILTER_KEYS.some((k) => k !== 'sort' && params.get(k));
  return { tab, filter, patch, reset, filtered };
}
