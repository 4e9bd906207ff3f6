import { Alert, Card, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Bulletin, BulletinOverdueItem } from '@qinlian/contracts';

/** 逾期未办结事项 at the quarter's end, as the snapshot listed them (the oldest due first). */
export function OverdueCard({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const columns: ColumnsType<BulletinOverdueItem> = [
    { key: 'code', title: t('bulletins.overdue.code'), dataIndex: 'code', width: 130, hidden: phone },
    {
      key: 'task',
      title: t('bulletins.overdue.task'),
      render: (_, o) => (
        <div style={{ wordBreak: 'break-word' }}>
          <Link to={`/tasks/${o.taskId}`}>{o.title}</Link>
          {phone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.code} · {o.departmentName} · {o.dueDate} · {t('bulletins.overdue.days')} {o.daysOverdue}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { key: 'department', title: t('bulletins.overdue.department'), dataIndex: 'departmentName', width: 160, hidden: phone },
    { key: 'due', title: t('bulletins.overdue.dueDate'), dataIndex: 'dueDate', width: 110, hidden: phone },
    { key: 'days', title: t('bulletins.overdue.days'), dataIndex: 'daysOverdue', width: 120, align: 'right', hidden: phone },
  ];
  return (
    <Card title={t('bulletins.overdue.title')}>
      {bulletin.overdueOmitted > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('bulletins.overdue.omitted', { count: bulletin.overdueOmitted })}
        />
      )}
      <Table<BulletinOverdueItem>
        rowKey="taskId"
        size="small"
        columns={columns}
        dataSource={bulletin.overdue}
        scroll={phone ? undefined : { x: 'max-content' }}
        tableLayout={phone ? 'fixed' : undefined}
        pagination={bulletin.overdue.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('bulletins.overdue.empty') }}
        data-testid="bulletin-overdue"
      />
    </Card>
  );
}
