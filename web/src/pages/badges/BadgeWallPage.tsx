import { useMemo, useState } from 'react';
import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Skeleton, Typography } from 'antd';
import { useDepartmentParam } from '../../domain/org/useDepartmentParam.ts';
import { useTranslation } from 'react-i18next';
import type { Badge } from '@qinlian/contracts';
import { useCan, useCurrentUser } from '../../auth/session.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { BadgeCard } from './BadgeCard.tsx';
import { BadgeRating } from './BadgeRating.tsx';
import { DutiesDialog } from './DutiesDialog.tsx';
import { useBadgeWall } from './hooks.ts';

const matches = (b: Badge, term: string) =>
  b.name.includes(term) || (b.title ?? '').includes(term) || b.posts.some((p) => p.name.includes(term));

/**
 * 亮牌墙: the badges of one department — one's own by default; whoever sees further picks another
 * (the department lives in the URL, so a wall can be linked to).
 */
export function BadgeWallPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const [departmentId, pick] = useDepartmentParam(user.departmentId);
  const wall = useBadgeWall(departmentId);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Badge | null>(null);
  const wider = can('org.read') && user.dataScope !== 'dept' && user.dataScope !== 'self';
  const term = filter.trim();
  const items = useMemo(() => (wall.data?.items ?? []).filter((b) => !term || matches(b, term)), [wall.data, term]);

  return (
    <PageContainer title={t('badges.wall.title')} subtitle={t('badges.wall.subtitle')}>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center" justify="space-between">
          <Flex gap={12} wrap align="center" style={{ minWidth: 0 }}>
            {wider ? (
              <DepartmentTreeSelect
                value={departmentId ?? null}
                onChange={(v) => pick(typeof v === 'string' ? v : null)}
                allowClear={false}
                placeholder={t('badges.wall.pickDepartment')}
                style={{ width: 260, maxWidth: '100%' }}
                data-testid="badge-wall-department"
              />
            ) : (
              <Typography.Title level={5} style={{ margin: 0 }}>
                {wall.data?.departmentName ?? user.departmentName}
              </Typography.Title>
            )}
            {wall.data && <Typography.Text type="secondary">{t('badges.wall.count', { count: wall.data.items.length })}</Typography.Text>}
          </Flex>
          {wall.data && (
            <Flex gap={12} wrap align="center">
              <Typography.Text type="secondary">{t('badges.wall.rating')}</Typography.Text>
              <BadgeRating summary={wall.data.rating} />
              <Button
                size="small"
                icon={<ExportOutlined />}
                href={`/p/r/${wall.data.ratingPageCode}`}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="badge-wall-results"
              >
                {t('badges.wall.results')}
              </Button>
            </Flex>
          )}
        </Flex>
        {wall.data && wall.data.items.length > 0 && (
          <Input.Search
            allowClear
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t('badges.wall.filter')}
            style={{ marginTop: 12, maxWidth: 320 }}
            data-testid="badge-wall-filter"
          />
        )}
      </Card>
      {!departmentId && <Alert type="info" showIcon title={t('badges.wall.noDepartment')} />}
      {wall.isError && <Alert type="error" showIcon title={t('badges.wall.loadFailed')} description={wall.error.message} />}
      {wall.isLoading && <Skeleton active avatar paragraph={{ rows: 4 }} />}
      {wall.data &&
        (items.length === 0 ? (
          <Card>
            <Empty description={wall.data.items.length === 0 ? t('badges.wall.empty') : t('badges.wall.noMatch')} />
          </Card>
        ) : (
          <Row gutter={[16, 16]} data-testid="badge-wall">
            {items.map((b) => (
              <Col key={b.personId} xs={24} md={12} xl={8} xxl={6}>
                <BadgeCard badge={b} onEditDuties={setEditing} />
              </Col>
            ))}
          </Row>
        ))}
      <DutiesDialog badge={editing} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
