import { Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Instruction } from '@qinlian/contracts';
import { formatDate, formatInstant } from '../../components/time.ts';
import { InstructionFeedback } from '../../domain/instructions/InstructionFeedback.tsx';
import { InstructionStateTag } from '../../domain/instructions/InstructionStateTag.tsx';

/** The list's columns: the text, to whom (a task links to its page), by whom and when, the date, the state, the answer. */
export function instructionColumns(t: TFunction, onFeedback: (i: Instruction) => void): ColumnsType<Instruction> {
  return [
    {
      key: 'text',
      title: t('instruction.columns.text'),
      render: (_, i) => (
        <Typography.Paragraph style={{ margin: 0, maxWidth: 300, whiteSpace: 'pre-wrap' }} data-testid="instruction-text-cell">
          {i.text}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'target',
      title: t('instruction.columns.target'),
      width: 200,
      render: (_, i) =>
        i.taskId ? (
          <Link to={`/tasks/${i.taskId}`}>
            {i.taskCode} {i.taskTitle}
            <div>
              <Typography.Text type="secondary">{i.departmentName}</Typography.Text>
            </div>
          </Link>
        ) : (
          i.departmentName
        ),
    },
    // who and when in one column, so the answer (落实反馈) stays in view at 1440 px without scrolling sideways
    {
      key: 'leader',
      title: t('instruction.columns.leader'),
      width: 150,
      render: (_, i) => (
        <>
          {i.leaderName}
          <div>
            <Typography.Text type="secondary">{formatInstant(i.createdAt)}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'dueDate',
      dataIndex: 'feedbackDueDate',
      title: t('instruction.columns.dueDate'),
      width: 110,
      render: (v: string | null) => (v ? formatDate(v) : '—'),
    },
    { key: 'state', title: t('instruction.columns.state'), width: 110, render: (_, i) => <InstructionStateTag instruction={i} /> },
    {
      key: 'feedback',
      title: t('instruction.columns.feedback'),
      width: 280,
      render: (_, i) =>
        i.feedback ? (
          <InstructionFeedback feedback={i.feedback} />
        ) : i.abilities.feedback ? (
          <Button size="small" type="primary" onClick={() => onFeedback(i)} data-testid="instruction-feedback-button">
            {t('instruction.feedback')}
          </Button>
        ) : (
          '—'
        ),
    },
  ];
}
