import {
  AlertOutlined,
  BellOutlined,
  CarryOutOutlined,
  CheckCircleOutlined,
  CheckOutlined,
  EditOutlined,
  FileAddOutlined,
  FlagOutlined,
  HighlightOutlined,
  PaperClipOutlined,
  RiseOutlined,
  RollbackOutlined,
  SendOutlined,
  StarOutlined,
  StopOutlined,
  UndoOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Card, Empty, Flex, Progress, Spin, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskEvent } from '@qinlian/contracts';
import { formatInstant } from '../../../components/time.ts';
import { formatSize } from './EvidencePicker.tsx';

type Kind = TaskEvent['kind'];
const LOOK: Record<Kind, { color: string; icon: ReactNode }> = {
  create: { color: 'gray', icon: <FileAddOutlined /> },
  update: { color: 'gray', icon: <EditOutlined /> },
  assign: { color: 'blue', icon: <SendOutlined /> },
  accept: { color: 'green', icon: <CheckOutlined /> },
  refuse: { color: 'red', icon: <StopOutlined /> },
  report: { color: 'blue', icon: <RiseOutlined /> },
  request_close: { color: '#d46b08', icon: <FlagOutlined /> },
  close: { color: 'green', icon: <CheckCircleOutlined /> },
  return: { color: 'red', icon: <RollbackOutlined /> },
  reopen: { color: '#d46b08', icon: <UndoOutlined /> },
  urge: { color: '#d46b08', icon: <BellOutlined /> },
  instruct: { color: '#b8860b', icon: <HighlightOutlined /> },
  escalate: { color: 'red', icon: <AlertOutlined /> },
  grade: { color: '#722ed1', icon: <StarOutlined /> },
  warning: { color: '#d48806', icon: <WarningOutlined /> },
  milestone_done: { color: 'green', icon: <CarryOutOutlined /> },
  milestone_reopen: { color: 'gray', icon: <UndoOutlined /> },
};

/** 任务记录: reports with percent and evidence, transitions, urgings, 批示 highlighted — newest first. */
export function TaskTimeline({ events, loading }: { events: TaskEvent[]; loading: boolean }) {
  const { t } = useTranslation();
  const items = [...events].reverse().map((e) => {
    const look = LOOK[e.kind] ?? LOOK.update;
    return {
      key: e.id,
      color: look.color,
      icon: look.icon,
      content: (
        <div className={`task-event task-event-${e.kind}`} data-testid="task-event" data-kind={e.kind}>
          <Flex gap={8} wrap align="baseline">
            <Typography.Text strong>{t(`task.events.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>
            <Typography.Text>{e.actorName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatInstant(e.at)}
            </Typography.Text>
          </Flex>
          {e.percent !== null && (
            <Flex align="center" gap={8} style={{ maxWidth: 320, marginTop: 2 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {t('task.fields.progress')}
              </Typography.Text>
              <Progress percent={e.percent} size="small" />
            </Flex>
          )}
          {e.text && <div className="task-event-text">{e.text}</div>}
          {e.files.length > 0 && (
            <Flex vertical gap={2} style={{ marginTop: 4 }}>
              {e.files.map((f) => (
                <a key={f.id} href={f.url} download={f.name} data-testid="task-evidence-link">
                  <PaperClipOutlined /> {f.name}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    ({formatSize(f.size)})
                  </Typography.Text>
                </a>
              ))}
            </Flex>
          )}
        </div>
      ),
    };
  });

  return (
    <Card title={t('task.sections.history')} data-testid="task-timeline">
      {loading ? <Spin /> : items.length ? <Timeline items={items} /> : <Empty description={t('task.noEvents')} />}
    </Card>
  );
}
