import { Alert, Flex, Switch, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '@qinlian/contracts';
import { toastSuccess } from '../../../app/feedback.ts';
import { formatInstant } from '../../../components/time.ts';
import { useDepartmentReview } from '../workflow-hooks.ts';

/**
 * 部门审核: what waits for the department head (a staff member's report or close-out request), and
 * — for the office and the head — the switch that sends the lead department's submissions to its head first.
 */
export function ReviewBanner({ task }: { task: Task }) {
  const { t } = useTranslation();
  const review = useDepartmentReview();
  const pending = task.pendingReview;
  if (!pending && !task.abilities.review_setting) return null;
  const toggle = (on: boolean) =>
    review.mutate(
      { departmentId: task.leadDepartmentId, review: on },
      { onSuccess: () => toastSuccess(t(on ? 'taskFlow.review.on' : 'taskFlow.review.off')) },
    );
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {pending && (
        <Alert
          type="warning"
          showIcon
          title={t('taskFlow.review.pending', {
            by: pending.byName,
            at: formatInstant(pending.at),
            what:
              pending.action === 'report'
                ? t('taskFlow.review.report', { percent: pending.percent ?? 0 })
                : t('taskFlow.review.request_close'),
          })}
          description={pending.text || undefined}
          data-testid="task-pending-review"
        />
      )}
      {task.abilities.review_setting && (
        <Flex gap={8} align="center">
          <Switch
            checked={task.departmentReview}
            loading={review.isPending}
            onChange={toggle}
            aria-label={t('taskFlow.review.setting')}
            data-testid="task-review-switch"
          />
          <Tooltip title={t('taskFlow.review.settingHint')}>
            <Typography.Text>{t('taskFlow.review.setting')}</Typography.Text>
          </Tooltip>
        </Flex>
      )}
    </Flex>
  );
}
