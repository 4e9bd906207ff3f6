import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DispatchSheetStatus } from '@qinlian/contracts';

const COLOUR: Record<DispatchSheetStatus, string> = { draft: 'default', held: 'processing', closed: 'success' };

/** 草稿 / 已召开 / 已归档 */
export function DispatchStatusTag({ status }: { status: DispatchSheetStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOUR[status]} data-testid="dispatch-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`dispatch.statuses.${status}`)}
    </Tag>
  );
}
