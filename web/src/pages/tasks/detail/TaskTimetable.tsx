import { Card, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Task } from '@qinlian/contracts';
import { formatDate, formatInstant } from '../../../components/time.ts';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** 时间表: start, the milestones, the deadline. */
export function TaskTimetable({ task }: { task: Task }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  const closed = task.status === 'closed';
  const milestones = [...task.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  let seenCurrent = task.startDate > today; // nothing is current before the start
  const milestoneSteps = milestones.map((m) => {
    let status: StepStatus = 'wait';
    if (m.doneAt || closed) status = 'finish';
    else if (m.dueDate < today) status = 'error';
    else if (!seenCurrent) {
      status = 'process';
      seenCurrent = true;
    }
    return {
      key: m.id,
      title: m.name,
      status,
      content: (
        <Typography.Text type={status === 'error' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {formatDate(m.dueDate)}{m.doneAt ? ` · ${t('task.milestoneDone', { at: formatInstant(m.doneAt) })}` : status === 'error' ? ` · ${t('task.milestoneLate')}` : ''}
        </Typography.Text>
      ),
    };
  });
  const dueStatus: StepStatus = closed ? 'finish' : task.workingDaysLeft < 0 ? 'error' : 'wait';

  const items = [
    { key: 'start', title: t('task.fields.startDate'), status: (task.startDate <= today ? 'finish' : 'wait') as StepStatus, content: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDate(task.startDate)}</Typography.Text> },
    ...milestoneSteps,
    { key: 'due', title: t('task.fields.dueDate'), status: dueStatus, content: <Typography.Text type={dueStatus === 'error' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{formatDate(task.dueDate)}</Typography.Text> },
  ];
  // antd marks steps before `current` done and styles `current` itself; point it at the first step not done.
  const firstOpen = items.findIndex((i) => i.status !== 'finish');
  // before the start nothing is under way yet
  const current = task.startDate > today ? -1 : firstOpen === -1 ? items.length - 1 : firstOpen;

  return (
    <Card title={t('task.sections.timetable')} style={{ marginBottom: 16 }} data-testid="task-timetable">
      <Steps orientation="vertical" size="small" current={current} items={items} />
      {milestones.length === 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('task.noMilestones')}</Typography.Text>}
    </Card>
  );
}
