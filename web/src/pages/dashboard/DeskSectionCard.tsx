import { RightOutlined } from '@ant-design/icons';
import { Badge, Card, Flex, List, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DeskSection } from '@qinlian/contracts';
import { formatDate } from '../../components/time.ts';
import { WarningDot } from '../../domain/tasks/WarningDot.tsx';

/** One kind of work waiting for me: how many, how many overdue, the most urgent few, and the list of all of them. */
export function DeskSectionCard({ section }: { section: DeskSection }) {
  const { t } = useTranslation();
  const title = t(`desk.sections.${section.key}.title`, { defaultValue: section.key });
  const hint = t(`desk.sections.${section.key}.hint`, { defaultValue: '' });
  return (
    <Card
      size="small"
      data-testid={`desk-section-${section.key}`}
      title={
        <Tooltip title={hint || undefined}>
          <Flex gap={8} align="center">
            <span>{title}</span>
            <Badge
              count={section.count}
              showZero
              color={section.count ? '#b71c1c' : '#bfbfbf'}
              overflowCount={999}
              data-testid="desk-count"
            />
            {section.overdue > 0 && <Tag color="error">{t('desk.overdue', { count: section.overdue })}</Tag>}
          </Flex>
        </Tooltip>
      }
      extra={
        <Link to={section.link} data-testid="desk-section-link">
          {t('desk.viewAll', { count: section.count })} <RightOutlined />
        </Link>
      }
    >
      {section.items.length === 0 ? (
        <Typography.Text type="secondary">{t('desk.nothing')}</Typography.Text>
      ) : (
        <List
          size="small"
          split={false}
          dataSource={section.items}
          renderItem={(item) => (
            <List.Item style={{ paddingInline: 0 }} data-testid="desk-item">
              <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
                <Link to={item.link} style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                    {item.warning && <WarningDot warning={item.warning} />}{' '}
                    {item.code && <Typography.Text type="secondary">{item.code} </Typography.Text>}
                    {item.title}
                  </Typography.Text>
                </Link>
                {item.dueDate && (
                  <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                    {item.overdue
                      ? t('desk.overdueSince', { date: formatDate(item.dueDate) })
                      : t('desk.due', { date: formatDate(item.dueDate) })}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {section.count > section.items.length && section.items.length > 0 && (
        <Link to={section.link}>
          <Typography.Text type="secondary">{t('desk.more', { count: section.count - section.items.length })}</Typography.Text>
        </Link>
      )}
    </Card>
  );
}
