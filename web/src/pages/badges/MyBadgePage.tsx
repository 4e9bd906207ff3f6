import { useState } from 'react';
import { Alert, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Badge } from '@qinlian/contracts';
import { useCurrentUser } from '../../auth/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { BadgeCard } from './BadgeCard.tsx';
import { DutiesDialog } from './DutiesDialog.tsx';
import { usePersonBadge } from './hooks.ts';

/** 我的工作牌: the signed-in person's own badge — their duties, printing, the public page (issued on first look). */
export function MyBadgePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const badge = usePersonBadge(user.personId);
  const [editing, setEditing] = useState<Badge | null>(null);

  return (
    <PageContainer title={t('badges.mine.title')} subtitle={t('badges.mine.subtitle')}>
      {!user.personId && <Alert type="info" showIcon title={t('badges.mine.noPerson')} data-testid="my-badge-no-person" />}
      {badge.isError && <Alert type="error" showIcon title={t('badges.mine.loadFailed')} description={badge.error.message} />}
      {badge.isLoading && <Skeleton active avatar paragraph={{ rows: 4 }} />}
      {badge.data && (
        <Row>
          <Col xs={24} md={16} xl={10}>
            <BadgeCard badge={badge.data} onEditDuties={setEditing} showDepartment />
          </Col>
        </Row>
      )}
      <DutiesDialog badge={editing} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
