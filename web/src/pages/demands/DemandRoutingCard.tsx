import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '@qinlian/contracts';

/**
 * 分派建议: the category and department suggested from the item's words (segmented words plus the
 * office's keyword rules), whether the clerk followed it, and — while it can be dispatched — a way to
 * dispatch with the suggestion preselected.
 */
export function DemandRoutingCard({ item, onDispatch }: { item: DemandDetail; onDispatch: () => void }) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('demands.routing.none')}</Typography.Text>;
  const followed = (chosen: string | null, suggested: string | null) =>
    chosen &&
    suggested && (
      <Tag color={chosen === suggested ? 'success' : 'default'}>
        {t(chosen === suggested ? 'demands.routing.followed' : 'demands.routing.changed')}
      </Tag>
    );
  return (
    <Card title={t('demands.routing.title')} data-testid="demand-routing">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'category',
            label: t('demands.fields.category'),
            children: (
              <span data-testid="demand-suggested-category">
                {item.suggestedCategory ?? none} {followed(item.category, item.suggestedCategory)}
              </span>
            ),
          },
          {
            key: 'department',
            label: t('demands.fields.department'),
            children: (
              <span data-testid="demand-suggested-department">
                {item.suggestedDepartmentName ?? none} {followed(item.departmentId, item.suggestedDepartmentId)}
              </span>
            ),
          },
        ]}
      />
      {item.abilities.dispatch && item.suggestedDepartmentId && !item.departmentId && (
        <Button block onClick={onDispatch} data-testid="demand-dispatch-suggested">
          {t('demands.routing.dispatch', { name: item.suggestedDepartmentName })}
        </Button>
      )}
    </Card>
  );
}
