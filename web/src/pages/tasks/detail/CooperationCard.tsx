import { useState } from 'react';
import { Button, Card, Flex, List, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task, TaskCooperation } from '@qinlian/contracts';
import { formatInstant } from '../../../components/time.ts';
import { ShareReportDialog } from './ShareReportDialog.tsx';

/** 协办子项: each cooperating department's progress and latest report; its own department may report on it. */
export function CooperationCard({ task }: { task: Task }) {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState<TaskCooperation | null>(null);
  if (task.cooperation.length === 0) return null;
  return (
    <Card title={t('taskFlow.cooperation.title')} style={{ marginBottom: 16 }} data-testid="task-cooperation">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('taskFlow.cooperation.hint')}
      </Typography.Paragraph>
      <List
        dataSource={task.cooperation}
        rowKey="departmentId"
        renderItem={(c) => (
          <List.Item data-testid="task-share" data-department-id={c.departmentId}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>{c.departmentName}</Typography.Text>
                {c.abilities.report && (
                  <Button size="small" onClick={() => setReporting(c)} data-testid="share-report-button">
                    {t('taskFlow.cooperation.report')}
                  </Button>
                )}
              </Flex>
              <Progress percent={c.progress} size="small" />
              {c.reportedAt ? (
                <>
                  {c.reportText && <Typography.Text>{c.reportText}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('taskFlow.cooperation.reportedBy', { by: c.reportedByName ?? '', at: formatInstant(c.reportedAt) })}
                  </Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('taskFlow.cooperation.notReported')}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
      <ShareReportDialog task={task} share={reporting} onClose={() => setReporting(null)} />
    </Card>
  );
}
