import { useState } from 'react';
import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Pagination, Segmented, Spin } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { InboxRow } from './InboxRow.tsx';
import { useUnreadCount } from '../../domain/inbox/useUnreadCount.ts';
import { useInbox, useMarkAllRead, useMarkRead, type InboxFilter } from './hooks.ts';

/** 我的消息: urgings, warnings, escalations and instructions addressed to me. */
export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<InboxFilter>({ page: 1, pageSize: 20 });
  const inbox = useInbox(filter);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = (item: InboxItem) => {
    if (!item.readAt && item.abilities.markRead) markRead.mutate(item.id);
    if (item.link?.startsWith('/')) void navigate(item.link);
  };
  const readAll = () => markAll.mutate(undefined, { onSuccess: (r) => toastSuccess(t('inbox.allRead', { count: r.count })) });
  const items = inbox.data?.items ?? [];

  return (
    <PageContainer
      title={t('inbox.title')}
      subtitle={t('inbox.subtitle', { count: unread.data ?? 0 })}
      extra={
        <Button icon={<CheckOutlined />} onClick={readAll} loading={markAll.isPending} disabled={!unread.data} data-testid="inbox-read-all">
          {t('inbox.readAll')}
        </Button>
      }
    >
      <Card>
        <Segmented
          value={filter.unread ? 'unread' : 'all'}
          onChange={(v) => setFilter({ page: 1, pageSize: filter.pageSize, unread: v === 'unread' ? 'true' : undefined })}
          options={[
            { value: 'all', label: t('inbox.all') },
            { value: 'unread', label: t('inbox.unread') },
          ]}
          style={{ marginBottom: 12 }}
          data-testid="inbox-filter"
        />
        <Spin spinning={inbox.isFetching && !!inbox.data}>
          <div data-testid="inbox-list">
            {items.map((item) => (
              <InboxRow
                key={item.id}
                item={item}
                onOpen={open}
                onRead={(i) => markRead.mutate(i.id)}
                reading={markRead.isPending && markRead.variables === item.id}
              />
            ))}
            {inbox.isLoading && <Spin style={{ display: 'block', margin: '32px auto' }} />}
            {!inbox.isLoading && items.length === 0 && <Empty description={filter.unread ? t('inbox.noUnread') : t('inbox.empty')} />}
          </div>
        </Spin>
        {(inbox.data?.total ?? 0) > filter.pageSize && (
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <Pagination
              current={filter.page}
              pageSize={filter.pageSize}
              total={inbox.data?.total ?? 0}
              showTotal={(total) => t('common.total', { total })}
              onChange={(page, pageSize) => setFilter((f) => ({ ...f, page, pageSize }))}
            />
          </Flex>
        )}
      </Card>
    </PageContainer>
  );
}
