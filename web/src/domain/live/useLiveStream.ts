import { useEffect, useRef, useState } from 'react';
import { openLiveStream, type LiveOptions, type LiveStatus } from './liveStream.ts';

type Handlers = Pick<LiveOptions, 'onRefresh' | 'onEvent' | 'createSource' | 'reopenDelayMs'> & { events: readonly string[] };

/**
 * Follows a live channel while the component is shown (null: not now) and answers how the line is.
 * The handlers may change on every render without reopening the stream; a new address reopens it.
 */
export function useLiveStream(url: string | null, handlers: Handlers): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const latest = useRef(handlers);
  latest.current = handlers;
  const eventsKey = handlers.events.join(' ');

  useEffect(() => {
    if (!url) return undefined;
    const { createSource, reopenDelayMs } = latest.current;
    return openLiveStream({
      url,
      events: eventsKey.split(' ').filter(Boolean),
      onRefresh: () => latest.current.onRefresh(),
      onEvent: (event, data) => latest.current.onEvent(event, data),
      onStatus: setStatus,
      createSource,
      reopenDelayMs,
    });
  }, [url, eventsKey]);

  return status;
}
