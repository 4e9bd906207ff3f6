import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BRAND_INK } from '../app/theme.ts';
import { useUnreadCount } from '../domain/inbox/useUnreadCount.ts';

const INDICATOR = { color: BRAND_INK, fontWeight: 700, boxShadow: `0 0 0 1px ${BRAND_INK}` };

/** The bell in the header with the unread count (polled every minute). */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <Tooltip title={count ? t('inbox.bellUnread', { count }) : t('inbox.title')}>
      <Button
        type="text"
        className="on-dark inbox-bell"
        onClick={() => navigate('/inbox')}
        data-testid="inbox-bell"
        aria-label={t('inbox.title')}
      >
        <Badge count={count} overflowCount={99} color="#ffd666" offset={[2, -2]} styles={{ indicator: INDICATOR }}>
          <BellOutlined style={{ fontSize: 18, color: 'rgba(255,255,255,0.92)' }} />
        </Badge>
        {/* one stable node with the number, for tests and screen readers; the badge animates its own */}
        <span className="visually-hidden" data-testid="inbox-count" data-count={count}>
          {count}
        </span>
      </Button>
    </Tooltip>
  );
}
