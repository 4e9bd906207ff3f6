import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnquiryStatus } from '@qinlian/contracts';

const COLOURS: Record<EnquiryStatus, string> = { open: 'processing', handing_over: 'warning', replied: 'cyan', closed: 'success' };

/** 办理中 · 移交中 · 已答复 · 已办结 */
export function EnquiryStatusTag({ status }: { status: EnquiryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="enquiry-status" data-status={status}>
      {t(`enquiries.statuses.${status}`)}
    </Tag>
  );
}
