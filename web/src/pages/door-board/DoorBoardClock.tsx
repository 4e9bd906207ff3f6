import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The time now, ticking every `everyMs` (the clock's own component, so that only it re-renders each second). */
export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** 12月7日 星期一 14:35 in Shanghai, whatever the screen's own zone. */
export function DoorBoardClock() {
  const { i18n } = useTranslation();
  const now = useNow(1000);
  const zh = i18n.language === 'zh-CN';
  const day = new Intl.DateTimeFormat(i18n.language, {
    month: zh ? 'long' : 'short',
    day: 'numeric',
    weekday: zh ? 'long' : 'short',
    timeZone: 'Asia/Shanghai',
  }).format(now);
  const time = new Intl.DateTimeFormat(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(now);
  return (
    <time className="door-board-clock" dateTime={now.toISOString()} data-testid="door-board-clock">
      {day} {time}
    </time>
  );
}
