import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonthFigures } from '@qinlian/contracts';

/** The month's task figures, read-only: prefilled by the system, frozen once the summary is submitted. */
export function FiguresCard({ figures, frozen }: { figures: MonthFigures; frozen: boolean }) {
  const { t } = useTranslation();
  const items = [
    { key: 'closed', value: figures.closed },
    { key: 'closedOnTime', value: figures.closedOnTime },
    { key: 'onTimeRate', value: figures.onTimeRate === null ? '—' : `${figures.onTimeRate}%` },
    { key: 'overdue', value: figures.overdue },
    { key: 'open', value: figures.open },
  ] as const;
  return (
    <Card
      size="small"
      title={t('summaries.figures.title')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('summaries.figures.asOf', { date: figures.asOf })} · {t(frozen ? 'summaries.figures.frozen' : 'summaries.figures.live')}
        </Typography.Text>
      }
      data-testid="summary-figures"
    >
      <Row gutter={[16, 12]}>
        {items.map((i) => (
          <Col key={i.key} xs={12} sm={8} md={8} lg={4} xl={4}>
            <Statistic title={t(`summaries.figures.${i.key}`)} value={i.value} data-testid={`summary-figure-${i.key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
