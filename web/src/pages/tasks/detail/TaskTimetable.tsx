import { Card, Flex, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Task } from '@qinlian/contracts';
import { formatDate, formatInstant } from '../../../components/time.ts';
import { MilestoneMark } from './MilestoneMark.tsx';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';
type Milestone = Task['milestones'][number];

/** 时间表: start, the milestones (done, overdue, or marked done here), the deadline. */
export function TaskTimetable({ task }: { task: Task }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  const closed = task.status === 'closed';
  const milestones = [...task.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  let seenCurrent = task.startDate > today; // nothing is current before the start
  /** done when and by whom (late when after its date), or overdue */
  const noteOf = (m: Milestone, status: StepStatus): string => {
    if (!m.doneAt) return status === 'error' ? t('task.milestoneLate') : '';
    const note = t('task.milestoneDoneBy', { at: formatInstant(m.doneAt), name: m.doneByName ?? '' });
    return dayjs(m.doneAt).format('YYYY-MM-DD') > m.dueDate ? `${note} · ${t('task.milestoneDoneLate')}` : note;
  };
  const milestoneSteps = milestones.map((m) => {
    let status: StepStatus = 'wait';
    if (m.doneAt || closed) status = 'finish';
    else if (m.dueDate < today) status = 'error';
    else if (!seenCurrent) {
      status = 'process';
      seenCurrent = true;
    }
    const note = noteOf(m, status);
    return {
      key: m.id,
      title: m.name,
      status,
      content: (
        <Flex
          gap={8}
          wrap
          align="baseline"
          data-testid="task-milestone"
          data-state={m.doneAt ? 'done' : status === 'error' ? 'late' : 'open'}
        >
          <Typography.Text type={status === 'error' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {formatDate(m.dueDate)}
            {note ? ` · ${note}` : ''}
          </Typography.Text>
          <MilestoneMark task={task} milestone={m} />
        </Flex>
      ),
    };
  });
  const dueStatus: StepStatus = closed ? 'finish' : task.workingDaysLeft < 0 ? 'error' : 'wait';

  const items = [
    {
      key: 'start',
      title: t('task.fields.startDate'),
      status: (task.startDate <= today ? 'finish' : 'wait') as StepStatus,
      content: (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDate(task.startDate)}
        </Typography.Text>
      ),
    },
    ...milestoneSteps,
    {
      key: 'due',
      title: t('task.fields.dueDate'),
      status: dueStatus,
      content: (
        <Typography.Text type={dueStatus === 'error' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {formatDate(task.dueDate)}
        </Typography.Text>
      ),
    },
  ];
  // antd marks steps before `current` done and styles `current` itself; point it at the first step not done.
  const firstOpen = items.findIndex((i) => i.status !== 'finish');
  // before the start nothing is under way yet
  const current = task.startDate > today ? -1 : firstOpen === -1 ? items.length - 1 : firstOpen;

  return (
    <Card title={t('task.sections.timetable')} style={{ marginBottom: 16 }} data-testid="task-timetable">
      <Steps orientation="vertical" size="small" current={current} items={items} />
      {milestones.length === 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('task.noMilestones')}
        </Typography.Text>
      )}
    </Card>
  );
}
