import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';
import { kindOf } from './noticeLooks.tsx';

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
