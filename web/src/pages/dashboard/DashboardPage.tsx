import {
  ApartmentOutlined,
  AuditOutlined,
  FundProjectionScreenOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge, Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@qinlian/contracts';
import { useCan, useCurrentUser } from '../../auth/session.ts';
import { useDepartments } from '../../domain/org/useDepartments.ts';
import { usePosts } from '../../domain/org/usePosts.ts';
import { useHealth, usePeopleTotal } from './hooks.ts';
import { roleName } from '../../domain/roles/roleName.ts';

function StatCard({
  title,
  value,
  loading,
  icon,
  to,
}: {
  title: string;
  value: number | undefined;
  loading: boolean;
  icon: ReactNode;
  to: string;
}) {
  return (
    <Link to={to}>
      <Card hoverable className="stat-card">
        <Flex justify="space-between" align="center">
          <Statistic title={title} value={value ?? '—'} loading={loading} />
          <div style={{ fontSize: 30, color: '#b71c1c', opacity: 0.85 }}>{icon}</div>
        </Flex>
      </Card>
    </Link>
  );
}

const SHORTCUTS: { to: string; key: string; icon: ReactNode; permission?: Permission }[] = [
  { to: '/plan', key: 'menu.plan', icon: <PieChartOutlined />, permission: 'tasks.read' },
  { to: '/tasks', key: 'menu.tasks', icon: <OrderedListOutlined />, permission: 'tasks.read' },
  { to: '/board', key: 'menu.board', icon: <FundProjectionScreenOutlined />, permission: 'tasks.read' },
  { to: '/org/departments', key: 'menu.departments', icon: <ApartmentOutlined />, permission: 'org.read' },
  { to: '/org/people', key: 'menu.people', icon: <TeamOutlined />, permission: 'people.read' },
  { to: '/org/posts', key: 'menu.posts', icon: <SolutionOutlined />, permission: 'org.read' },
  { to: '/system/audit', key: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { to: '/account', key: 'menu.account', icon: <UserOutlined /> },
];

/** A light welcome: who I am, a few counts, where to go. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const departments = useDepartments(false, can('org.read'), true);
  const posts = usePosts(undefined, can('org.read'), true);
  const people = usePeopleTotal(can('people.read'));
  const health = useHealth();
  const date = dayjs().format(i18n.language === 'en-US' ? 'dddd, D MMMM YYYY' : 'YYYY年M月D日 dddd');

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
        {can('org.read') && (
          <Col xs={24} sm={12} lg={8}>
            <StatCard
              title={t('dashboard.activeDepartments')}
              value={departments.data?.length}
              loading={departments.isLoading}
              icon={<ApartmentOutlined />}
              to="/org/departments"
            />
          </Col>
        )}
        {can('people.read') && (
          <Col xs={24} sm={12} lg={8}>
            <StatCard
              title={t('dashboard.peopleTotal')}
              value={people.data}
              loading={people.isLoading}
              icon={<TeamOutlined />}
              to="/org/people"
            />
          </Col>
        )}
        {can('org.read') && (
          <Col xs={24} sm={12} lg={8}>
            <StatCard
              title={t('dashboard.postsTotal')}
              value={posts.data?.length}
              loading={posts.isLoading}
              icon={<SolutionOutlined />}
              to="/org/posts"
            />
          </Col>
        )}
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={16}>
          <Card title={t('dashboard.shortcuts')}>
            <Flex gap={12} wrap>
              {SHORTCUTS.filter((s) => !s.permission || can(s.permission)).map((s) => (
                <Link key={s.to} to={s.to}>
                  <Card size="small" hoverable style={{ width: 140, textAlign: 'center' }}>
                    <div style={{ fontSize: 24, color: '#b71c1c' }}>{s.icon}</div>
                    <div style={{ marginTop: 6 }}>{t(s.key)}</div>
                  </Card>
                </Link>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('dashboard.server')} style={{ height: '100%' }}>
            {health.data ? (
              <Space orientation="vertical">
                <Badge status={health.data.status === 'ok' ? 'success' : 'warning'} text={t(`dashboard.${health.data.status}`)} />
                <Typography.Text type="secondary">
                  {t('dashboard.version', { version: health.data.version, db: health.data.db === 'postgres' ? 'PostgreSQL' : 'SQLite' })}
                </Typography.Text>
              </Space>
            ) : (
              <Badge status={health.isError ? 'error' : 'processing'} text={health.isError ? t('errors.network') : t('common.loading')} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
