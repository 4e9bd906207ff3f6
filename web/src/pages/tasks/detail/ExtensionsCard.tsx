import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task, TaskExtension } from '@qinlian/contracts';
import { formatDate, formatInstant } from '../../../components/time.ts';

const STATUS_COLOUR: Record<TaskExtension['status'], string> = {
  pending: 'processing',
  granted: 'success',
  refused: 'magenta',
  lapsed: 'default',
};

/** 延期申请: every request on the task, newest first, with the office's decision. */
export function ExtensionsCard({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (task.extensions.length === 0) return null;
  return (
    <Card title={t('taskFlow.extension.history')} style={{ marginBottom: 16 }} data-testid="task-extensions">
      <List
        dataSource={task.extensions}
        rowKey="id"
        renderItem={(e) => (
          <List.Item data-testid="task-extension" data-status={e.status}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex gap={8} align="center" wrap>
                <Tag color={STATUS_COLOUR[e.status]} style={{ marginInlineEnd: 0 }}>
                  {t(`taskFlow.extension.statuses.${e.status}`)}
                </Tag>
                <Typography.Text>
                  {t('taskFlow.extension.request', {
                    by: e.requestedByName,
                    previous: formatDate(e.previousDueDate),
                    requested: formatDate(e.requestedDueDate),
                  })}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary">{e.reason}</Typography.Text>
              {e.decidedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('taskFlow.extension.decided', { by: e.decidedByName ?? '', at: formatInstant(e.decidedAt) })}
                  {e.decisionComment ? ` · ${e.decisionComment}` : ''}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
