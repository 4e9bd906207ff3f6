import { Badge, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHealth } from './hooks.ts';

/** The server's state and version: what an administrator checks, nobody else needs. */
export function SystemPanel() {
  const { t } = useTranslation();
  const health = useHealth();
  return (
    <Card
      size="small"
      title={t('desk.system.title')}
      extra={<Typography.Text type="secondary">{t('desk.system.hint')}</Typography.Text>}
      data-testid="desk-system"
    >
      {health.data ? (
        <Space orientation="vertical">
          <Badge status={health.data.status === 'ok' ? 'success' : 'warning'} text={t(`dashboard.${health.data.status}`)} />
          <Typography.Text type="secondary">
            {t('dashboard.version', { version: health.data.version, db: health.data.db === 'postgres' ? 'PostgreSQL' : 'SQLite' })}
          </Typography.Text>
        </Space>
      ) : (
        <Badge status={health.isError ? 'error' : 'processing'} text={health.isError ? t('errors.network') : t('common.loading')} />
      )}
    </Card>
  );
}
