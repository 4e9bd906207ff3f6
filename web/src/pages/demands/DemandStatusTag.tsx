import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandStatus } from '@qinlian/contracts';

/** Status colours from docs/ui.md: never red, gold or blue, which mean the warning colours. */
const COLOURS: Record<DemandStatus, string> = {
  received: 'purple',
  accepted: 'cyan',
  dispatched: 'geekblue',
  handling: 'processing',
  replied: 'lime',
  closed: 'success',
  rejected: 'default',
};

/** 待受理 / 已受理 / 已派单 / 办理中 / 已答复 / 已办结 / 不予受理. */
export function DemandStatusTag({ status }: { status: DemandStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="demand-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`demands.statuses.${status}`)}
    </Tag>
  );
}
