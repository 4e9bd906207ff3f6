import {
  AuditOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@qinlian/contracts';
import { useCan, useCurrentUser, useSession } from '../../auth/session.ts';
import { useCurrentPlan } from '../../domain/plan/usePlan.ts';
import { roleName } from '../../domain/roles/roleName.ts';
import { AttentionCard } from './AttentionCard.tsx';
import { DeskSectionCard } from './DeskSectionCard.tsx';
import { useDesk } from './hooks.ts';
import { OnTimeCard } from './OnTimeCard.tsx';
import { SystemPanel } from './SystemPanel.tsx';

const SHORTCUTS: { to: string; key: string; icon: ReactNode; permission?: Permission }[] = [
  { to: '/plan', key: 'menu.plan', icon: <PieChartOutlined />, permission: 'tasks.read' },
  { to: '/tasks', key: 'menu.tasks', icon: <OrderedListOutlined />, permission: 'tasks.read' },
  { to: '/board', key: 'menu.board', icon: <FundProjectionScreenOutlined />, permission: 'tasks.read' },
  { to: '/instructions', key: 'instruction.menu', icon: <FileTextOutlined />, permission: 'tasks.read' },
  { to: '/system/audit', key: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { to: '/account', key: 'menu.account', icon: <UserOutlined /> },
];

/**
 * 工作台: who I am, then what waits for me (待办中心) — each section one click from its items and
 * from the list that shows all of them — the red and yellow tasks of my scope, and the on-time rate
 * of my departments. Figures are counted for the plan the task list shows, so both agree.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const readsTasks = can('tasks.read');
  const signedIn = !!useSession().data;
  const { plan, isLoading: planLoading } = useCurrentPlan(readsTasks);
  // once it is known which plan the task list shows (someone who reads no tasks has none)
  const desk = useDesk(plan?.id, signedIn && (!readsTasks || !planLoading));
  const date = dayjs().format(i18n.language === 'en-US' ? 'dddd, D MMMM YYYY' : 'YYYY年M月D日 dddd');
  const sections = desk.data?.sections ?? [];

  return (
    <div className="page">
      <Card style={{ marginBottom: 16, background: 'linear-gradient(100deg, #fff 55%, #fdf1f1 100%)' }}>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('dashboard.greeting', { name: user.name })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('dashboard.today', { date })} · {user.departmentName ?? t('dashboard.noDept')}
            </Typography.Text>
            <div style={{ marginTop: 10 }}>
              <Space size={[4, 4]} wrap>
                {user.roles.map((r) => (
                  <Tag key={r.id} color="red">
                    {roleName(t, i18n, r)}
                  </Tag>
                ))}
                <Tag>
                  {t('dashboard.dataScope')}
                  {t('common.colon')}
                  {t(`role.scopes.${user.dataScope}`)}
                </Tag>
              </Space>
            </div>
          </div>
          <Typography.Text type="secondary" style={{ letterSpacing: 2 }}>
            {t('brand.tagline')}
          </Typography.Text>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            title={t('desk.title')}
            extra={plan && <Typography.Text type="secondary">{t('desk.planHint', { plan: plan.name })}</Typography.Text>}
            data-testid="desk"
          >
            {desk.isError ? (
              <Alert type="error" showIcon title={t('desk.loadFailed')} description={desk.error.message} />
            ) : !desk.data ? (
              <Spin />
            ) : sections.length === 0 || sections.every((s) => s.count === 0) ? (
              <Typography.Text type="secondary" data-testid="desk-empty">
                {t('desk.nothing')}
              </Typography.Text>
            ) : (
              <Row gutter={[12, 12]}>
                {sections.map((s) => (
                  <Col key={s.key} xs={24} md={12}>
                    <DeskSectionCard section={s} />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {desk.data?.attention && <AttentionCard attention={desk.data.attention} scope={desk.data.scope} />}
            {desk.data?.onTime && <OnTimeCard onTime={desk.data.onTime} scope={desk.data.scope} />}
            <Card size="small" title={t('dashboard.shortcuts')}>
              <Flex gap={8} wrap>
                {SHORTCUTS.filter((s) => !s.permission || can(s.permission)).map((s) => (
                  <Link key={s.to} to={s.to}>
                    <Tag icon={s.icon} style={{ padding: '4px 10px', fontSize: 13 }}>
                      {t(s.key)}
                    </Tag>
                  </Link>
                ))}
              </Flex>
            </Card>
            {can('roles.manage') && <SystemPanel />}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
