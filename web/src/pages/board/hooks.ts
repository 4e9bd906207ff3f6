import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Board, BoardQuery } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

export type BoardFilter = z.input<typeof BoardQuery>;
export const REFRESH_MS = 60_000;

/** 挂牌作战: every tagged item by status and colour; refreshed every minute (the wall stays current). */
export function useBoard(filter: BoardFilter, enabled = true) {
  return useQuery({
    // under 'tasks' so any change to a task refreshes the board too
    queryKey: ['tasks', 'board', filter],
    queryFn: ({ signal }) => api.get<Board>('/api/tasks/board', { ...filter }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
    enabled,
  });
}
