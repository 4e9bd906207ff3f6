import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CarryOutOutlined,
  CheckCircleOutlined,
  CheckOutlined,
  EditOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  FlagOutlined,
  HighlightOutlined,
  RiseOutlined,
  RollbackOutlined,
  SendOutlined,
  StarOutlined,
  StopOutlined,
  TeamOutlined,
  UndoOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Card, Empty, Flex, Progress, Spin, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskEvent } from '@qinlian/contracts';
import { formatInstant } from '../../../components/time.ts';
import { EvidenceLink } from './EvidenceLink.tsx';

type Kind = TaskEvent['kind'];
const LOOK: Record<Kind, { color: string; icon: ReactNode }> = {
  create: { color: 'gray', icon: <FileAddOutlined /> },
  update: { color: 'gray', icon: <EditOutlined /> },
  assign: { color: '#7b5ea7', icon: <SendOutlined /> },
  accept: { color: 'green', icon: <CheckOutlined /> },
  refuse: { color: '#c41d7f', icon: <StopOutlined /> },
  report: { color: '#0e6170', icon: <RiseOutlined /> },
  request_close: { color: '#5b8c00', icon: <FlagOutlined /> },
  close: { color: 'green', icon: <CheckCircleOutlined /> },
  return: { color: '#c41d7f', icon: <RollbackOutlined /> },
  reopen: { color: '#8c6d46', icon: <UndoOutlined /> },
  urge: { color: '#8c6d46', icon: <BellOutlined /> },
  instruct: { color: '#8c6d46', icon: <HighlightOutlined /> },
  escalate: { color: 'red', icon: <AlertOutlined /> },
  grade: { color: '#722ed1', icon: <StarOutlined /> },
  warning: { color: '#d48806', icon: <WarningOutlined /> },
  milestone_done: { color: 'green', icon: <CarryOutOutlined /> },
  milestone_reopen: { color: 'gray', icon: <UndoOutlined /> },
  approve: { color: 'green', icon: <AuditOutlined /> }, // 部门审核通过
  send_back: { color: '#c41d7f', icon: <RollbackOutlined /> }, // 部门退回
  dispatch: { color: '#7b5ea7', icon: <ApartmentOutlined /> }, // 分办
  extension_request: { color: '#8c6d46', icon: <FieldTimeOutlined /> }, // 延期申请
  extension_grant: { color: 'green', icon: <FieldTimeOutlined /> },
  extension_refuse: { color: '#c41d7f', icon: <FieldTimeOutlined /> },
  extension_lapse: { color: 'gray', icon: <FieldTimeOutlined /> },
  share_report: { color: '#0e6170', icon: <TeamOutlined /> }, // 协办进展
};

/** What the system wrote, in the console's language when the server gave it (textEn); what people typed, as typed. */
const textIn = (e: TaskEvent, language: string) => (language === 'en-US' && e.textEn ? e.textEn : e.text);

/** 任务记录: reports with percent and evidence, transitions, urgings, 批示 highlighted — newest first. */
export function TaskTimeline({ events, loading }: { events: TaskEvent[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const items = [...events].reverse().map((e) => {
    const look = LOOK[e.kind] ?? LOOK.update;
    const text = textIn(e, i18n.language);
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
          {text && <div className="task-event-text">{text}</div>}
          {e.files.length > 0 && (
            <Flex vertical gap={2} style={{ marginTop: 4 }}>
              {e.files.map((f) => (
                <EvidenceLink key={f.id} file={f} />
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
