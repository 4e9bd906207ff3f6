import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExperienceStatus, MonthlySummaryStatus, SummaryDocumentStatus } from '@qinlian/contracts';

type Props =
  | { of: 'monthly'; status: MonthlySummaryStatus }
  | { of: 'experience'; status: ExperienceStatus }
  | { of: 'document'; status: SummaryDocumentStatus };

const COLOUR: Record<string, string> = {
  requested: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
  selected: 'processing',
  published: 'success',
  draft: 'default',
};
const KEYS = { monthly: 'summaries.statuses', experience: 'summaries.experiences.statuses', document: 'summaries.documents.statuses' };

/** 待报送 / 待审核 / 已退回 / 已通过 — or an experience's, or a compilation's state. */
export function SummaryStatusTag({ of, status }: Props) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOUR[status]} data-testid={`summary-status-${of}`} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`${KEYS[of]}.${status}`)}
    </Tag>
  );
}
