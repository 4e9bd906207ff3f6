import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Board, BoardQuery } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

/** The board's filters; how many cards it shows is the server's default (BOARD_LIMIT). */
export type BoardFilter = Omit<z.input<typeof BoardQuery>, 'limit'>;
export const REFRESH_MS = 60_000;

/** 挂牌作战: the most urgent tagged items and the counts of all of them; refreshed every minute (the wall stays current). */
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
