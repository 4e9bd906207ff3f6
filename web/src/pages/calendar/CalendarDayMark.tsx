import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarSpecialDay } from '@qinlian/contracts';

/** How a special day reads in its calendar cell: 休 or 班, official or local, with the festival or note on hover. */
export function CalendarDayMark({ day }: { day: CalendarSpecialDay }) {
  const { t } = useTranslation();
  const label =
    day.source === 'local'
      ? t(day.working ? 'workCalendar.localWork' : 'workCalendar.localOff')
      : t(day.working ? 'workCalendar.officialWork' : 'workCalendar.officialOff');
  const color = day.source === 'local' ? (day.working ? 'purple' : 'magenta') : day.working ? 'orange' : 'red';
  const detail = [day.holiday, day.note].filter(Boolean).join(' · ');
  return (
    <Tooltip title={detail || undefined}>
      <Tag color={color} style={{ marginInlineEnd: 0 }} data-testid={`calendar-mark-${day.date}`} data-source={day.source}>
        {label}
        {day.holiday && day.source === 'official' ? ` · ${day.holiday}` : ''}
      </Tag>
    </Tooltip>
  );
}
