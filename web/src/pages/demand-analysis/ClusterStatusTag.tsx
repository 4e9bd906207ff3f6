import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandClusterStatus } from '@qinlian/contracts';

/** Status colours from docs/ui.md: never red, gold or blue, which mean the warning colours. */
const COLOURS: Record<DemandClusterStatus, string> = {
  open: 'default',
  evaluating: 'purple',
  evaluated: 'cyan',
  selected: 'success',
  withdrawn: 'default',
};

/** 待论证 / 论证中 / 已论证 / 已列为民生实事 / 已撤销. */
export function ClusterStatusTag({ status }: { status: DemandClusterStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="cluster-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`demandAnalysis.clusterStatuses.${status}`)}
    </Tag>
  );
}
