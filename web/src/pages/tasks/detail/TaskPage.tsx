import { useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Result, Row } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { FullPageSpin } from '../../../components/FullPageSpin.tsx';
import { TaskDrawer } from '../edit/TaskDrawer.tsx';
import { useTask, useTaskEvents } from '../hooks.ts';
import type { DialogAction } from '../actions.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { InstructionBanner } from './InstructionBanner.tsx';
import { TaskFacts } from './TaskFacts.tsx';
import { TaskGradeCard } from './TaskGradeCard.tsx';
import { TaskHeader } from './TaskHeader.tsx';
import { TaskStatement } from './TaskStatement.tsx';
import { TaskTimeline } from './TaskTimeline.tsx';
import { TaskTimetable } from './TaskTimetable.tsx';

/** One task: 任务书, responsibility, timetable, grade, history, and the actions the server allows. */
export function TaskPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const task = useTask(id);
  const events = useTaskEvents(id);
  const [action, setAction] = useState<DialogAction | null>(null);
  const [editing, setEditing] = useState(false);

  if (task.isLoading) return <FullPageSpin />;
  if (!task.data) {
    const missing = isApiError(task.error) && (task.error.status === 404 || task.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('task.notFound') : t('errors.pageFailed')}
        subTitle={task.error?.message}
        extra={
          <Link to="/tasks">
            <Button type="primary">{t('task.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const data = task.data;

  return (
    <div className="page task-page">
      <Link to="/tasks" className="back-link">
        <ArrowLeftOutlined /> {t('task.backToList')}
      </Link>
      <TaskHeader task={data} onAction={setAction} onEdit={() => setEditing(true)} refreshing={task.isFetching} />
      <InstructionBanner events={events.data ?? []} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15} xxl={16}>
          <TaskStatement task={data} />
          <TaskTimeline events={events.data ?? []} loading={events.isLoading} />
        </Col>
        <Col xs={24} xl={9} xxl={8}>
          <TaskFacts task={data} />
          <TaskTimetable task={data} />
          <TaskGradeCard task={data} />
        </Col>
      </Row>
      <ActionDialog task={data} action={action} onClose={() => setAction(null)} />
      <TaskDrawer open={editing} task={data} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </div>
  );
}
