import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Progress, Statistic, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Rollup, WarningColor } from '@qinlian/contracts';
import { BRAND_PRIMARY } from '../../app/theme.ts';
import { WARNING_HEX, WARNINGS } from '../../domain/tasks/labels.ts';

/** The whole plan: weighted over programmes, and how many tasks wear each colour. */
export function PlanSummary({ rollup }: { rollup: Rollup }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pick = (w: WarningColor) => navigate(`/tasks?tab=all&warning=${w}`);
  return (
    <Card title={t('plan.overall')} style={{ height: '100%' }} data-testid="plan-summary">
      <Flex gap={24} align="center" wrap style={{ marginBottom: 12 }}>
        <Progress
          type="dashboard"
          percent={rollup.progress}
          size={120}
          strokeColor={BRAND_PRIMARY}
          format={(v) => <span data-testid="plan-progress">{v}%</span>}
        />
        <Statistic
          title={
            // why the task list shows more: it lists sub-tasks too (issue 12: figures that disagree say why)
            <Tooltip title={t('desk.planTotalHint')}>
              <span data-testid="plan-task-total-hint">
                {t('plan.taskTotal')} <QuestionCircleOutlined />
              </span>
            </Tooltip>
          }
          value={rollup.taskCount}
        />
        <Statistic
          title={
            // 逾期办结: closed, but after the original due date — no colour shows it any more
            <Tooltip title={t('plan.closedLateHint')}>
              <span>
                {t('plan.closedLate')} <QuestionCircleOutlined />
              </span>
            </Tooltip>
          }
          value={rollup.closedLate}
          styles={rollup.closedLate > 0 ? { content: { color: WARNING_HEX.yellow } } : undefined}
          data-testid="plan-closed-late"
        />
      </Flex>
      <Flex gap={8}>
        {WARNINGS.filter((w) => w !== 'none').map((w) => (
          <div
            key={w}
            className="summary-colour"
            onClick={() => pick(w)}
            style={{ borderColor: WARNING_HEX[w] }}
            data-testid={`plan-colour-${w}`}
          >
            <div className="summary-colour-num" style={{ color: WARNING_HEX[w] }}>
              {rollup.colours[w] ?? 0}
            </div>
            <div className="summary-colour-label">{t(`task.warnings.${w}`)}</div>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
