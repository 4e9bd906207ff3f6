import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '@qinlian/contracts';
import { formatInstant } from '../../../components/time.ts';

/** 分办记录: to whom the head of the lead department handed the task, newest first. */
export function AssignmentsCard({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (task.assignments.length === 0) return null;
  return (
    <Card title={t('taskFlow.dispatch.history')} style={{ marginBottom: 16 }} data-testid="task-assignments">
      <List
        size="small"
        dataSource={task.assignments}
        rowKey="id"
        renderItem={(a) => (
          <List.Item data-testid="task-assignment">
            <div>
              <Typography.Text>{t('taskFlow.dispatch.line', { by: a.byName, to: a.postName ?? a.personName ?? '—' })}</Typography.Text>
              {a.note && <div className="task-event-text">{a.note}</div>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatInstant(a.at)}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
