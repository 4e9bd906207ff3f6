import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Date and time for the wall, ticking each second. */
export function WallClock() {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const timer = setInterval(() => setNow(dayjs()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="wall-clock">
      <div className="wall-clock-time">{now.format('HH:mm:ss')}</div>
      <div className="wall-clock-date">{now.format(i18n.language === 'en-US' ? 'ddd, D MMM YYYY' : 'YYYY年M月D日 dddd')}</div>
    </div>
  );
}
