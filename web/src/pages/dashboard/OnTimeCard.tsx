import { ArrowDownOutlined, ArrowUpOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Desk, OnTimeMonth } from '@qinlian/contracts';

function Month({ label, month, testId }: { label: string; month: OnTimeMonth; testId: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('desk.onTime.detail', month)}>
      <div data-testid={testId}>
        <Statistic
          title={`${label} · ${month.month}`}
          value={month.rate ?? t('desk.onTime.none')}
          suffix={month.rate === null ? undefined : '%'}
          styles={{ content: { fontSize: month.rate === null ? 14 : 24 } }}
        />
      </div>
    </Tooltip>
  );
}

/** 按期办结率 of my departments, this month so far against last month, with what it counts in a tooltip. */
export function OnTimeCard({ onTime, scope }: { onTime: NonNullable<Desk['onTime']>; scope: Desk['scope'] }) {
  const { t } = useTranslation();
  const { thisMonth, lastMonth } = onTime;
  const delta = thisMonth.rate !== null && lastMonth.rate !== null ? Math.round((thisMonth.rate - lastMonth.rate) * 10) / 10 : null;
  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          {t('desk.onTime.title')}
          <Tooltip title={t('desk.onTime.definition', { scope: t(scope === 'all' ? 'desk.onTime.scopeAll' : 'desk.onTime.scopeMine') })}>
            <QuestionCircleOutlined style={{ color: '#8c8c8c' }} aria-label={t('desk.onTime.title')} data-testid="desk-ontime-help" />
          </Tooltip>
        </Flex>
      }
    >
      <Flex gap={24} wrap align="flex-end">
        <Month label={t('desk.onTime.thisMonth')} month={thisMonth} testId="desk-ontime-this" />
        <Month label={t('desk.onTime.lastMonth')} month={lastMonth} testId="desk-ontime-last" />
        {delta !== null && delta !== 0 && (
          <Typography.Text type={delta > 0 ? 'success' : 'danger'} data-testid="desk-ontime-delta">
            {delta > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {t('desk.onTime.vsLastMonth', { delta: `${Math.abs(delta)}%` })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
