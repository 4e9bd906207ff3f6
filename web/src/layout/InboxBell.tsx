import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../pages/inbox/hooks.ts';

/** The bell in the header with the unread count (polled every minute). */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count > 99 ? '99+' : String(count);
  return (
    <Tooltip title={count ? t('inbox.bellUnread', { count }) : t('inbox.title')}>
      <Button type="text" className="on-dark inbox-bell" onClick={() => navigate('/inbox')} data-testid="inbox-bell" aria-label={t('inbox.title')}>
        <Badge
          count={count ? <span className="inbox-count" data-testid="inbox-count" data-count={count}>{label}</span> : 0}
          offset={[2, -2]}
        >
          <BellOutlined style={{ fontSize: 18, color: 'rgba(255,255,255,0.92)' }} />
        </Badge>
        {!count && <span data-testid="inbox-count" data-count={0} hidden>0</span>}
      </Button>
    </Tooltip>
  );
}
