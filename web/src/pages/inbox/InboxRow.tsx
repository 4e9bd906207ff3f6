import {
  AlertOutlined,
  BellOutlined,
  CheckCircleOutlined,
  FlagOutlined,
  HighlightOutlined,
  MailOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
  UndoOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';

/** Steps of a task's life cycle someone is told about (task-notices.ts on the server); red, gold and blue are kept for the warnings below. */
const STEPS: Record<string, { color: string; icon: ReactNode }> = {
  assign: { color: 'purple', icon: <SendOutlined /> },
  refuse: { color: 'magenta', icon: <StopOutlined /> },
  request_close: { color: 'lime', icon: <FlagOutlined /> },
  return: { color: 'magenta', icon: <RollbackOutlined /> },
  close: { color: 'green', icon: <CheckCircleOutlined /> },
  reopen: { color: 'default', icon: <UndoOutlined /> },
};

/** task.urge → 催办, task.warning.red → 红色预警, task.return → 退回重办 …; unknown kinds read as 通知. */
function kindOf(kind: string): { key: string; color: string; icon: ReactNode } {
  if (kind.startsWith('task.warning.')) {
    const colour = kind.slice('task.warning.'.length);
    return { key: `warning_${colour}`, color: colour === 'red' ? 'red' : colour === 'yellow' ? 'gold' : 'blue', icon: <WarningOutlined /> };
  }
  if (kind === 'task.urge') return { key: 'urge', color: 'volcano', icon: <BellOutlined /> };
  if (kind === 'task.instruct') return { key: 'instruct', color: 'cyan', icon: <HighlightOutlined /> };
  if (kind === 'task.escalate') return { key: 'escalate', color: 'volcano', icon: <AlertOutlined /> };
  const step = kind.startsWith('task.') ? STEPS[kind.slice('task.'.length)] : undefined;
  if (step) return { key: kind.slice('task.'.length), ...step };
  return { key: 'other', color: 'default', icon: <MailOutlined /> };
}

type Props = { item: InboxItem; onOpen: (item: InboxItem) => void; onRead: (item: InboxItem) => void; reading: boolean };

export function InboxRow({ item, onOpen, onRead, reading }: Props) {
  const { t } = useTranslation();
  const kind = kindOf(item.kind);
  const unread = !item.readAt;
  return (
    <Flex
      gap={12}
      align="flex-start"
      className={`inbox-row ${unread ? 'inbox-row-unread' : ''}`}
      data-testid="inbox-item"
      data-unread={unread}
    >
      <span className="inbox-unread-dot" style={{ visibility: unread ? 'visible' : 'hidden' }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Flex gap={8} align="center" wrap>
          <Tag color={kind.color} icon={kind.icon} style={{ marginInlineEnd: 0 }}>
            {t(`inbox.kinds.${kind.key}`)}
          </Tag>
          {item.link ? (
            <Typography.Link strong={unread} onClick={() => onOpen(item)} data-testid="inbox-item-open">
              {item.title}
            </Typography.Link>
          ) : (
            <Typography.Text strong={unread}>{item.title}</Typography.Text>
          )}
        </Flex>
        {item.body && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            {item.body}
          </Typography.Paragraph>
        )}
      </div>
      <Flex vertical align="flex-end" gap={4} style={{ flex: 'none' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatInstant(item.createdAt)}
        </Typography.Text>
        {unread && item.abilities.markRead && (
          <Button
            size="small"
            type="link"
            loading={reading}
            onClick={() => onRead(item)}
            style={{ padding: 0 }}
            data-testid="inbox-mark-read"
          >
            {t('inbox.markRead')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
