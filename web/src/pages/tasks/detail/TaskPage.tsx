import { useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Result, Row } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { FullPageSpin } from '../../../components/FullPageSpin.tsx';
import { TaskDrawer } from '../edit/TaskDrawer.tsx';
import { useTask, useTaskEvents } from '../hooks.ts';
import { isWorkflowAction, type PageAction } from '../actions.ts';
import { ReviewBanner } from './ReviewBanner.tsx';
import { WorkflowCards, WorkflowDialogs } from './TaskWorkflow.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import { InstructionBanner } from './InstructionBanner.tsx';
import { FeedbackDialog } from '../../../domain/instructions/FeedbackDialog.tsx';
import { InstructionDialog } from '../../../domain/instructions/InstructionDialog.tsx';
import { useInstructions } from '../../../domain/instructions/useInstructions.ts';
import type { Instruction } from '@qinlian/contracts';
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
  const [action, setAction] = useState<PageAction | null>(null);
  const [editing, setEditing] = useState(false);
  const instructions = useInstructions({ taskId: id, to: 'all', page: 1, pageSize: 50 }, !!id);
  const [answering, setAnswering] = useState<Instruction | null>(null);

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
      <InstructionBanner instructions={instructions.data?.items ?? []} onFeedback={setAnswering} />
      <ReviewBanner task={data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15} xxl={16}>
          <TaskStatement task={data} />
          <TaskTimeline events={events.data ?? []} loading={events.isLoading} />
        </Col>
        <Col xs={24} xl={9} xxl={8}>
          <TaskFacts task={data} />
          <TaskTimetable task={data} />
          <WorkflowCards task={data} />
          <TaskGradeCard task={data} />
        </Col>
      </Row>
      {/* 批示 has its own form (feedback asked by a date): domain/instructions */}
      <ActionDialog
        task={data}
        action={action === 'instruct' || (action && isWorkflowAction(action)) ? null : action}
        onClose={() => setAction(null)}
      />
      <WorkflowDialogs task={data} action={action && isWorkflowAction(action) ? action : null} onClose={() => setAction(null)} />
      <InstructionDialog open={action === 'instruct'} target={{ task: data }} onClose={() => setAction(null)} />
      <FeedbackDialog instruction={answering} onClose={() => setAnswering(null)} />
      <TaskDrawer open={editing} task={data} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </div>
  );
}
