import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '@qinlian/contracts';

/** 任务书 and the expected deliverables. */
export function TaskStatement({ task }: { task: Task }) {
  const { t } = useTranslation();
  return (
    <Card title={t('task.fields.statement')} style={{ marginBottom: 16 }} data-testid="task-statement">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 12 }}>
        {task.statement || <Typography.Text type="secondary">{t('task.noStatement')}</Typography.Text>}
      </Typography.Paragraph>
      <Typography.Text strong>{t('task.fields.deliverables')}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
        {task.deliverables || <Typography.Text type="secondary">—</Typography.Text>}
      </Typography.Paragraph>
    </Card>
  );
}
