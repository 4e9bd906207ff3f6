import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TimeLimitRule } from '@qinlian/contracts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useTimeLimitRules } from './hooks.ts';
import { RuleEditModal } from './RuleEditModal.tsx';

/** 办结时限: the limit of each kind of item in working days, for everyone to read; the office changes them. */
export function TimeLimitRulesPage() {
  const { t } = useTranslation();
  const rules = useTimeLimitRules();
  const [editing, setEditing] = useState<TimeLimitRule | null>(null);

  const columns: ColumnsType<TimeLimitRule> = [
    {
      title: t('timeLimits.rules.kind'),
      key: 'kind',
      render: (_, r) => (
        <div>
          <Typography.Text strong>{t(`timeLimits.kinds.${r.kind}`)}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t(`timeLimits.kindHints.${r.kind}`)}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('timeLimits.rules.workingDays'),
      key: 'days',
      width: 140,
      render: (_, r) => <span data-testid={`time-limit-days-${r.kind}`}>{t('timeLimits.rules.days', { n: r.workingDays })}</span>,
    },
    {
      title: t('timeLimits.rules.updated'),
      key: 'updated',
      width: 200,
      responsive: ['md'],
      render: (_, r) =>
        r.updatedBy ? (
          <span>
            {r.updatedBy} · {dayjs(r.updatedAt).format('YYYY-MM-DD HH:mm')}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('timeLimits.rules.shipped')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) =>
        r.abilities.manage && (
          <Button type="link" size="small" onClick={() => setEditing(r)} data-testid={`time-limit-edit-${r.kind}`}>
            {t('common.edit')}
          </Button>
        ),
    },
  ];
  const anyManage = (rules.data ?? []).some((r) => r.abilities.manage);

  return (
    <PageContainer title={t('timeLimits.rules.title')} subtitle={t('timeLimits.rules.subtitle')}>
      <Card>
        <Table<TimeLimitRule>
          rowKey="kind"
          size="middle"
          columns={anyManage ? columns : columns.filter((c) => c.key !== 'actions')}
          dataSource={rules.data ?? []}
          loading={rules.isLoading}
          pagination={false}
          data-testid="time-limit-rules"
        />
      </Card>
      <RuleEditModal rule={editing} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
