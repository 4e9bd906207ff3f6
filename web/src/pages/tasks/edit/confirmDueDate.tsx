import { Checkbox, Typography, type ButtonProps } from 'antd';
import type { HookAPI } from 'antd/es/modal/useModal';
import type { TFunction } from 'i18next';

export type DueDateProblem = { kind: 'past'; date: string; today: string } | { kind: 'outside'; date: string; start: string; end: string };

/**
 * A due date the server refuses unless back-filled on purpose (补录): before today, or outside the
 * plan's period. The same rule as the server's (task-dates.service.ts); the server still decides.
 */
export function dueDateProblem(date: string, today: string, plan?: { startDate: string; endDate: string }): DueDateProblem | null {
  if (date < today) return { kind: 'past', date, today };
  if (plan && (date < plan.startDate || date > plan.endDate)) return { kind: 'outside', date, start: plan.startDate, end: plan.endDate };
  return null;
}

/**
 * Asks before a past or out-of-period due date is sent. The office (tasks.backfill) ticks 补录 in the
 * dialog to send it as a back-fill; without the tick, or without the permission, it is sent as is
 * and the server refuses it with its reason. Resolves to the `backfill` flag to send, or null to go
 * back to the form.
 */
export function confirmDueDate(modal: HookAPI, t: TFunction, problem: DueDateProblem, canBackfill: boolean): Promise<boolean | null> {
  const choice = { backfill: false };
  return new Promise((resolve) => {
    modal.confirm({
      title: t(problem.kind === 'past' ? 'taskFlow.dates.pastTitle' : 'taskFlow.dates.outsideTitle'),
      content: (
        <div data-testid="due-date-confirm">
          <Typography.Paragraph>
            {problem.kind === 'past'
              ? t('taskFlow.dates.past', { date: problem.date, today: problem.today })
              : t('taskFlow.dates.outside', { date: problem.date, start: problem.start, end: problem.end })}
          </Typography.Paragraph>
          {canBackfill ? (
            <>
              <Checkbox onChange={(e) => (choice.backfill = e.target.checked)} data-testid="task-backfill-checkbox">
                {t('taskFlow.dates.backfill')}
              </Checkbox>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('taskFlow.dates.backfillHint')}
              </Typography.Paragraph>
            </>
          ) : (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('taskFlow.dates.noBackfill')}
            </Typography.Paragraph>
          )}
        </div>
      ),
      okText: t('taskFlow.dates.submit'),
      cancelText: t('taskFlow.dates.backToEdit'),
      okButtonProps: { 'data-testid': 'due-date-confirm-ok', autoInsertSpace: false } as ButtonProps,
      onOk: () => resolve(choice.backfill),
      onCancel: () => resolve(null),
    });
  });
}
