import { useCallback, useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PublicDoorBoard } from '@qinlian/contracts';
import { api, isApiError } from '../../api/client.ts';
import { deviceId } from '../../api/device.ts';
import type { EventSourceLike } from '../../domain/live/liveStream.ts';
import { useLiveStream } from '../../domain/live/useLiveStream.ts';

/** the live channel's one change event (contracts' WHEREABOUTS_CHANGED, not imported: no zod on the kiosk) */
export const WHEREABOUTS_CHANGED = 'whereabouts.changed';
const CHANGE_EVENTS = [WHEREABOUTS_CHANGED] as const;

/** changes arriving together (a planned absence job switching ten people at 09:00) are fetched once */
const GATHER_MS = 250;
/** a line that died without a word (a sleeping proxy) is caught up with this often anyway */
const SAFETY_REFETCH_MS = 5 * 60_000;

const code = (c: string) => encodeURIComponent(c);
export const doorBoardUrl = (c: string) => `/api/public/door-boards/${code(c)}`;
export const doorBoardLiveUrl = (c: string) => `${doorBoardUrl(c)}/live?deviceId=${encodeURIComponent(deviceId())}`;

/** An unknown (or replaced) code, or a mistyped one: nothing will ever come of asking again. */
export const isDeadCode = (err: unknown) => isApiError(err) && (err.status === 404 || err.status === 400);

type Options = { createSource?: (url: string) => EventSourceLike; reopenDelayMs?: number };

/**
 * The door board of `code`, kept current: fetched whole at the start of every stream (`ready`, or
 * `reset` after a server restart) and again after each `whereabouts.changed` — a change shows within
 * a fraction of a second. The last board stays on the screen while the server is away.
 */
export function useDoorBoard(boardCode: string, options: Options = {}) {
  const query = useQuery({
    queryKey: ['public', 'door-board', boardCode],
    queryFn: ({ signal }) => api.get<PublicDoorBoard>(doorBoardUrl(boardCode), undefined, signal),
    meta: { silent: true },
    refetchInterval: SAFETY_REFETCH_MS,
    refetchIntervalInBackground: true,
    // a server on its way back answers 5xx or nothing: ask again; a 4xx stays (the stream's next ready fetches anew)
    retry: (count, err) => !(isApiError(err) && err.status > 0 && err.status < 500) && count < 3,
    retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
  });
  const { refetch } = query;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchSoon = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void refetch();
    }, GATHER_MS);
  }, [refetch]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // a code replaced or a department archived takes the board down, even one that was showing
  const dead = query.isError && isDeadCode(query.error);
  const live = useLiveStream(dead ? null : doorBoardLiveUrl(boardCode), {
    events: CHANGE_EVENTS,
    onRefresh: () => void refetch(),
    onEvent: refetchSoon,
    createSource: options.createSource,
    reopenDelayMs: options.reopenDelayMs,
  });
  return { query, live, dead };
}
