import { Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinIndicator, BulletinIndicatorKey } from '@qinlian/contracts';
import { integerRange } from '../../components/limitRules.ts';

export type IndicatorValues = { indicators: BulletinIndicator[] };

/**
 * 指标权重: one line per indicator — its weight in percent and its direction — with the running total;
 * an indicator without a source (`unavailable`, 群众评价) stays at 0. The server checks the total too.
 */
export function IndicatorFields({ unavailable }: { unavailable: readonly BulletinIndicatorKey[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<IndicatorValues>();
  const indicators = Form.useWatch('indicators', form) ?? [];
  const sum = indicators.reduce((s, i) => s + (Number(i?.weight) || 0), 0);
  return (
    <Form.List
      name="indicators"
      rules={[
        {
          validator: async (_, list: BulletinIndicator[]) => {
            if (list.reduce((s, i) => s + (Number(i?.weight) || 0), 0) !== 100) throw new Error(t('bulletins.weights.sumMustBe100'));
          },
        },
      ]}
    >
      {(fields, _ops, { errors }) => (
        <>
          {fields.map((field) => {
            const key = indicators[field.name]?.key;
            const off = !!key && unavailable.includes(key);
            return (
              <Flex key={field.key} gap={8} wrap align="flex-start" data-testid="bulletin-indicator">
                <Form.Item name={[field.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Typography.Text style={{ width: 96, lineHeight: '32px' }}>{key ? t(`bulletins.indicators.${key}`) : ''}</Typography.Text>
                <Form.Item name={[field.name, 'weight']} style={{ marginBottom: 12 }} rules={[integerRange(t, 0, 100)]}>
                  <InputNumber
                    addonAfter="%"
                    disabled={off}
                    style={{ width: 120 }}
                    aria-label={t('bulletins.weights.weight')}
                    data-testid={`bulletin-weight-${key}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'direction']} style={{ marginBottom: 12 }}>
                  <Select
                    style={{ width: 120 }}
                    aria-label={t('bulletins.weights.direction')}
                    options={(['higher', 'lower'] as const).map((d) => ({ value: d, label: t(`bulletins.directions.${d}`) }))}
                  />
                </Form.Item>
                {off && (
                  <Typography.Text type="secondary" style={{ flexBasis: '100%', marginTop: -8, marginBottom: 12 }}>
                    {t('bulletins.weights.unavailable')}
                  </Typography.Text>
                )}
              </Flex>
            );
          })}
          <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} data-testid="bulletin-weights-sum">
            {t('bulletins.weights.sum', { sum })}
          </Typography.Text>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
