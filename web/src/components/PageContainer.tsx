import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

type Props = { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode; children: ReactNode };

/** The title row every page starts with, then its content. */
export function PageContainer({ title, subtitle, extra, children }: Props) {
  return (
    <div className="page">
      <Flex className="page-head" justify="space-between" align="flex-end" gap={16} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </div>
  );
}
