import { Button, Popconfirm } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Task } from '@qinlian/contracts';
import { isApiError } from '../../../api/client.ts';
import { toastError, toastSuccess } from '../../../app/feedback.ts';
import { taskKeys, useMarkMilestone } from '../hooks.ts';

type Props = { task: Task; milestone: Task['milestones'][number] };

/** 标记完成 / 撤销完成 on one milestone; shown only when the server says `abilities.milestones`. */
export function MilestoneMark({ task, milestone }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mark = useMarkMilestone();
  if (!task.abilities.milestones) return null;
  const done = milestone.doneAt !== null;

  const run = () =>
    mark.mutate(
      { id: task.id, milestoneId: milestone.id, version: task.version, done: !done },
      {
        onSuccess: () => toastSuccess(t(done ? 'task.milestoneUndone' : 'task.milestoneMarked', { name: milestone.name })),
        onError: (err) => {
          toastError(err.message);
          // someone else changed the task meanwhile: show what it is now
          if (isApiError(err, 'version_conflict') || isApiError(err, 'milestones_not_open'))
            void qc.invalidateQueries({ queryKey: taskKeys.one(task.id) });
        },
      },
    );

  if (!done) {
    return (
      <Button
        size="small"
        type="link"
        onClick={run}
        loading={mark.isPending}
        style={{ padding: 0, height: 'auto' }}
        data-testid="milestone-complete"
      >
        {t('task.markMilestoneDone')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={t('task.undoMilestoneConfirm', { name: milestone.name })}
      onConfirm={run}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
    >
      <Button
        size="small"
        type="link"
        danger
        loading={mark.isPending}
        style={{ padding: 0, height: 'auto' }}
        data-testid="milestone-reopen"
      >
        {t('task.undoMilestone')}
      </Button>
    </Popconfirm>
  );
}
