import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinStatus } from '@qinlian/contracts';

const COLOUR: Record<BulletinStatus, string> = { draft: 'default', review: 'processing', published: 'success' };

/** 草稿 / 送审中 / 已发布 */
export function BulletinStatusTag({ status }: { status: BulletinStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOUR[status]} data-testid="bulletin-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`bulletins.statuses.${status}`)}
    </Tag>
  );
}
