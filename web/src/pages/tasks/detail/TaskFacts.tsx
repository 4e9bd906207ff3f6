import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '@qinlian/contracts';
import { formatDate, formatInstant } from '../../../components/time.ts';
import { useDepartments } from '../../../domain/org/useDepartments.ts';
import { usePosts } from '../../../domain/org/usePosts.ts';
import { ActingForTag } from '../ActingForTag.tsx';
import { useWorkingDays } from '../hooks.ts';

/** Who is accountable (责任人): departments, the post and who acts on it now (A/B), the leader in charge. */
export function TaskFacts({ task }: { task: Task }) {
  const { t } = useTranslation();
  const departments = useDepartments(false, true, true);
  const posts = usePosts(task.leadDepartmentId, !!task.responsiblePostId, true);
  const span = useWorkingDays(task.startDate, task.dueDate);
  const names = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const post = posts.data?.find((p) => p.id === task.responsiblePostId);
  const role =
    post && task.handlerPersonId
      ? post.aPersonId === task.handlerPersonId
        ? 'A'
        : post.bPersonId === task.handlerPersonId
          ? 'B'
          : null
      : null;

  return (
    <Card title={t('task.sections.responsibility')} style={{ marginBottom: 16 }} data-testid="task-facts">
      <Descriptions
        column={1}
        size="small"
        styles={{ label: { width: 104 } }}
        items={[
          {
            key: 'lead',
            label: t('task.fields.leadDepartment'),
            children: <Typography.Text strong>{task.leadDepartmentName}</Typography.Text>,
          },
          {
            key: 'coop',
            label: t('task.fields.cooperating'),
            children: task.cooperatingDepartmentIds.length ? (
              <Space size={[4, 4]} wrap>
                {task.cooperatingDepartmentIds.map((id) => (
                  <Tag key={id}>{names.get(id) ?? '…'}</Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
          {
            key: 'post',
            label: t('task.fields.post'),
            children: task.responsiblePostName ?? <Typography.Text type="secondary">{t('post.unassigned')}</Typography.Text>,
          },
          {
            key: 'handler',
            label: t('task.fields.handler'),
            children: task.handlerName ? (
              <Space size={6} data-testid="task-handler">
                {task.handlerName}
                {role && <Tag color={role === 'A' ? 'cyan' : 'purple'}>{role === 'A' ? t('post.actingA') : t('post.actingB')}</Tag>}
                <ActingForTag task={task} />
              </Space>
            ) : (
              <Typography.Text type="secondary">{task.responsiblePostId ? t('post.vacant') : '—'}</Typography.Text>
            ),
          },
          { key: 'leader', label: t('task.fields.leader'), children: task.leaderName ?? '—' },
          {
            key: 'dates',
            label: t('task.fields.dates'),
            children: (
              <span>
                {formatDate(task.startDate)} ~ {formatDate(task.dueDate)}
                {span.data !== undefined && (
                  <Typography.Text type="secondary"> · {t('task.workingDays', { count: span.data })}</Typography.Text>
                )}
              </span>
            ),
          },
          ...(task.originalDueDate
            ? [
                {
                  key: 'original',
                  label: t('taskFlow.deadline.original'),
                  children: (
                    <Typography.Text data-testid="task-original-due">
                      {t('taskFlow.deadline.extended', { original: formatDate(task.originalDueDate), due: formatDate(task.dueDate) })}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
          { key: 'weight', label: t('task.fields.weight'), children: task.weight },
          { key: 'updated', label: t('task.fields.updatedAt'), children: formatInstant(task.updatedAt) },
          ...(task.closedAt ? [{ key: 'closed', label: t('task.fields.closedAt'), children: formatInstant(task.closedAt) }] : []),
        ]}
      />
    </Card>
  );
}
