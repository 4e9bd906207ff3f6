import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Timer } from '@qinlian/contracts';

/**
 * An item's 限时办结 deadline, given its timer: “截止 12月10日 · 剩3个工作日”, “今日到期”, red
 * “逾期2个工作日” once past it; once done, “已按期办结” or red “逾期办结”. Any page with timed
 * items (enquiries, rectification, tasks …) shows its deadline with this.
 */
export function DeadlineTag({ timer }: { timer: Timer }) {
  const { t } = useTranslation();
  const date = dayjs(timer.dueOn).format(t('timeLimits.deadline.dateFormat'));
  const due = t('timeLimits.deadline.due', { date });
  const n = timer.workingDaysLeft;
  if (timer.doneAt) {
    const late = timer.onTime === false;
    return (
      <Tag color={late ? 'error' : 'success'} data-testid="deadline-tag" data-state={late ? 'done-late' : 'done-on-time'}>
        {t(late ? 'timeLimits.deadline.doneLate' : 'timeLimits.deadline.doneOnTime')} · {due}
      </Tag>
    );
  }
  const state = timer.overdue ? 'overdue' : n === 0 ? 'today' : 'left';
  const left =
    state === 'overdue'
      ? t('timeLimits.deadline.overdue', { n: Math.abs(n) })
      : state === 'today'
        ? t('timeLimits.deadline.today')
        : t('timeLimits.deadline.left', { n });
  const colour = state === 'overdue' ? 'error' : state === 'today' || n <= 1 ? 'warning' : 'default';
  return (
    <Tag color={colour} data-testid="deadline-tag" data-state={state} style={{ whiteSpace: 'nowrap' }}>
      {due} · {left}
    </Tag>
  );
}
