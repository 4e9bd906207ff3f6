import { Card, Flex, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Desk } from '@qinlian/contracts';
import { WARNING_HEX } from '../../domain/tasks/labels.ts';

/** 红灯 / 黄灯 in my scope, each opening the list that shows exactly those tasks. */
export function AttentionCard({ attention, scope }: { attention: NonNullable<Desk['attention']>; scope: Desk['scope'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const colours = [
    { key: 'red' as const, count: attention.red, link: attention.redLink },
    { key: 'yellow' as const, count: attention.yellow, link: attention.yellowLink },
  ];
  return (
    <Card
      size="small"
      title={t('desk.attention.title')}
      extra={t(scope === 'all' ? 'desk.attention.scopeAll' : 'desk.attention.scopeMine')}
    >
      <Flex gap={8}>
        {colours.map((c) => (
          <Tooltip key={c.key} title={t(`desk.attention.${c.key}`)}>
            <div
              className="summary-colour"
              role="link"
              tabIndex={0}
              onClick={() => navigate(c.link)}
              onKeyDown={(e) => e.key === 'Enter' && navigate(c.link)}
              style={{ borderColor: WARNING_HEX[c.key] }}
              data-testid={`desk-attention-${c.key}`}
            >
              <div className="summary-colour-num" style={{ color: WARNING_HEX[c.key] }}>
                {c.count}
              </div>
              <div className="summary-colour-label">{t(`desk.attention.${c.key}`)}</div>
            </div>
          </Tooltip>
        ))}
      </Flex>
    </Card>
  );
}
