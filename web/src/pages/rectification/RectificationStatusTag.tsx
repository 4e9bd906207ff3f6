import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RectificationStatus } from '@qinlian/contracts';

const COLOURS: Record<RectificationStatus, string> = {
  open: 'processing',
  submitted: 'purple',
  returned: 'magenta',
  verified: 'success',
  withdrawn: 'default',
};

/** 待整改 / 待核实 / 已退回 / 已办结 / 已撤销. */
export function RectificationStatusTag({ status }: { status: RectificationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="rectification-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`rectification.statuses.${status}`)}
    </Tag>
  );
}
