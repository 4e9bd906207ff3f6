import { App, Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { permissionLabel } from '../../domain/roles/permissions.ts';
import { roleName } from '../../domain/roles/roleName.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { TotpCard } from './TotpCard.tsx';

/** Long permission names wrap inside their tag: a phone is narrower than some of them. */
const WRAPPING = { whiteSpace: 'normal', maxWidth: '100%' } as const;

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  return (
    <PageContainer title={t('account.title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('account.profile')} style={{ height: '100%' }}>
            <Descriptions column={1} size="middle" styles={{ label: { width: 120 } }}>
              <Descriptions.Item label={t('account.username')}>{user.username}</Descriptions.Item>
              <Descriptions.Item label={t('account.name')}>{user.name}</Descriptions.Item>
              <Descriptions.Item label={t('account.department')}>{user.departmentName ?? t('dashboard.noDept')}</Descriptions.Item>
              <Descriptions.Item label={t('account.roles')}>
                {user.roles.length ? (
                  <Space size={[4, 4]} wrap>
                    {user.roles.map((r) => (
                      <Tag key={r.id} color="cyan" style={WRAPPING}>
                        {roleName(t, i18n, r)}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  t('common.none')
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('account.dataScope')}>{t(`role.scopes.${user.dataScope}`)}</Descriptions.Item>
              <Descriptions.Item label={t('account.permissions')}>
                {user.permissions.length ? (
                  <Space size={[4, 4]} wrap>
                    {user.permissions.map((p) => (
                      <Tag key={p} style={WRAPPING}>
                        {permissionLabel(t, i18n, p)}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  t('common.none')
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('password.title')} style={{ height: '100%' }}>
            <ChangePasswordForm onDone={() => message.success(t('password.done'))} />
          </Card>
        </Col>
        <Col span={24}>
          <TotpCard />
        </Col>
      </Row>
    </PageContainer>
  );
}
